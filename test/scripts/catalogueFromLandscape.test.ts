/**
 * The catalogue generator that reads the CNCF Cloud Native Landscape, run on
 * a small landscape written here, and the generated file it produced.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CatalogueEntry, generate } from '../../scripts/catalogue-from-landscape.js';

const VOCABULARY = {
  words: new Set(['harbor', 'open', 'widget', 'agent', 'keep', 'scale']),
  everyday: new Set(['scale']),
};

function item(name: string, extra: Record<string, string> = {}) {
  return { name, homepage_url: `https://${name.toLowerCase().replace(/\W+/g, '')}.example/`, ...extra };
}

const landscape = {
  landscape: [
    {
      name: 'Observability and Analysis',
      subcategories: [
        {
          name: 'Observability',
          items: [
            item('Prometheus'),
            item('Zyxmon', { repo_url: 'https://github.com/zyx/zyxmon', project: 'sandbox' }),
            item('Keep'),
            item('Scale'),
            { name: 'Qwobble', homepage_url: 'https://github.com/qw/qwobble' },
            item('Plainsight', { homepage_url: 'http://plainsight.example/' }),
          ],
        },
      ],
    },
    { name: 'CNCF Members', subcategories: [{ name: 'Silver', items: [item('Acme Corp')] }] },
    {
      name: 'Provisioning',
      subcategories: [{ name: 'Security & Compliance', items: [item('Open Widget Agent (OWA)')] }],
    },
  ],
};

describe('catalogue entries generated from the CNCF landscape', () => {
  const { entries, skipped } = generate(landscape, '0123456789abcdef', VOCABULARY);
  const byName = new Map(entries.map((e) => [e.name, e]));

  it('leaves out what the hand-written catalogue already has and the member companies', () => {
    expect(byName.has('Prometheus')).toBe(false);
    expect(byName.has('Acme Corp')).toBe(false);
    expect([...byName.keys()].sort()).toEqual([
      'Keep',
      'Open Widget Agent',
      'Plainsight',
      'Qwobble',
      'Zyxmon',
    ]);
  });

  it('records where each entry came from and writes its own description', () => {
    const zyxmon = byName.get('Zyxmon') as CatalogueEntry;
    expect(zyxmon.provenance).toBe(
      'CNCF Cloud Native Landscape, cncf/landscape@0123456789ab landscape.yml: Observability and Analysis / Observability / Zyxmon',
    );
    expect(zyxmon.description).toBe(
      'Listed in the CNCF Cloud Native Landscape under Observability and Analysis › Observability; a CNCF sandbox project.',
    );
    expect(zyxmon.repository).toBe('https://github.com/zyx/zyxmon');
    expect(zyxmon.topics).toEqual(['observability']);
  });

  it('leaves out a product named by one everyday word', () => {
    expect(byName.has('Scale')).toBe(false);
    expect(skipped.everyday).toEqual(['Scale']);
  });

  it('flags ordinary words as ambiguous, and nothing else', () => {
    expect(byName.get('Keep')?.ambiguous).toBe(true);
    expect(byName.get('Zyxmon')?.ambiguous).toBe(false);
  });

  it('splits an abbreviation in parentheses into an alias', () => {
    expect(byName.get('Open Widget Agent')?.aliases).toEqual(['OWA']);
    // OWA is three letters: short names collide with abbreviations, so the entry is ambiguous.
    expect(byName.get('Open Widget Agent')?.ambiguous).toBe(true);
  });

  it('takes a GitHub homepage as the repository and keeps only https addresses', () => {
    expect(byName.get('Qwobble')).toMatchObject({ repository: 'https://github.com/qw/qwobble' });
    expect(byName.get('Qwobble')?.website).toBeUndefined();
    expect(byName.get('Plainsight')?.website).toBeUndefined();
  });
});

describe('the generated landscape catalogue file', () => {
  const file = JSON.parse(
    readFileSync(new URL('../../catalogue/tools/landscape.json', import.meta.url), 'utf8'),
  ) as CatalogueEntry[];

  it('names its source in every entry', () => {
    const unsourced = file.filter(
      (e) => !e.provenance?.startsWith('CNCF Cloud Native Landscape, cncf/landscape@'),
    );
    expect(unsourced.map((e) => e.name)).toEqual([]);
  });

  it('is credited in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('CNCF Cloud Native Landscape, cncf/landscape');
    expect(readme).toContain('CC-BY-4.0');
  });
});
