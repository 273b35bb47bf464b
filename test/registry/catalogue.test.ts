import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/registry/catalogue.js';

const repo = join(import.meta.dirname, '..', '..');

describe('the shipped catalogue', () => {
  it('cites, for every tool, the line of its file that holds its name', () => {
    const { tools } = loadCatalogue();
    expect(tools.length).toBeGreaterThan(1000);
    const files = new Map<string, string[]>();
    for (const tool of tools) {
      const path = tool.source?.path ?? '';
      if (!files.has(path)) files.set(path, readFileSync(join(repo, path), 'utf8').split(/\r?\n/));
      const line = files.get(path)?.[(tool.source?.line ?? 0) - 1];
      expect(line, `${tool.name} at ${path}:${tool.source?.line}`).toContain(
        `"name": ${JSON.stringify(tool.name)}`,
      );
    }
  });
});
