// The indexing baseline: a whole process that reads every markdown file under
// a folder and parses it with gray-matter (TOML, YAML or JSON front matter)
// and markdown-it, and does nothing else. Plain JavaScript, so it costs no
// compile step. Usage: node bench/targets/bareParse.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { parse as parseToml } from 'smol-toml';

const md = new MarkdownIt({ linkify: true });
const toml = { language: 'toml', delimiters: '+++', engines: { toml: parseToml } };
const yaml = { language: 'yaml', delimiters: '---' };

function frontMatter(text) {
  if (text.startsWith('+++')) return matter(text, toml);
  if (text.startsWith('{')) {
    const end = text.indexOf('\n}\n');
    return { data: JSON.parse(text.slice(0, end + 2)), content: text.slice(end + 3) };
  }
  return matter(text, yaml);
}

let tokens = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.md')) {
      const { content } = frontMatter(readFileSync(full, 'utf8'));
      tokens += md.parse(content, {}).length;
    }
  }
}
walk(process.argv[2] ?? '.');
process.stdout.write(`${tokens} tokens\n`);
