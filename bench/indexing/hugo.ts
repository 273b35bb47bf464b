/**
 * @module bench/indexing/hugo
 * Makes a synthetic corpus a minimal Hugo site (its posts as the content,
 * one template that renders each page's content), so a `hugo` build of the
 * same files is a baseline for indexing: Hugo reads, parses and renders the
 * same markdown, in Go.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeHugoSite(corpusDir: string): string {
  writeFileSync(
    join(corpusDir, 'hugo.toml'),
    'baseURL = "http://localhost/"\ntitle = "bench"\ncontentDir = "posts"\ndisableKinds = ["sitemap", "robotsTXT", "404"]\n',
  );
  const layouts = join(corpusDir, 'layouts', '_default');
  mkdirSync(layouts, { recursive: true });
  writeFileSync(join(layouts, 'single.html'), '<h1>{{ .Title }}</h1>{{ .Content }}\n');
  writeFileSync(
    join(layouts, 'list.html'),
    '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n',
  );
  return corpusDir;
}
