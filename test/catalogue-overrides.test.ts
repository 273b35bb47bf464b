/**
 * The built-in catalogue finds well-known tools in notes with no registry,
 * and the user's tools/ extends and overrides it.
 */
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { indexPosts } from './helpers/indexText.js';

const POST = `---
title: Notes from MeshCon 2021
---
## Service meshes in production - Jane Doe

- Video: https://www.youtube.com/watch?v=abcdefghijk
- We run Istio with Envoy sidecars on Kubernetes, and Prometheus scrapes the sidecars.
- The mesh config lives in our in-house tool Meshctl, and we tried Linkerd first.
`;

const toolsOf = (data: GraphData, title: string) => {
  const talk = data.talks.find((t) => t.title === title);
  return (talk?.mentions ?? []).map((m) => data.tools.find((t) => t.slug === m.toolSlug)?.name ?? m.toolSlug);
};

describe('the built-in tool catalogue', () => {
  it('finds tools written in prose in notes that have no registry', () => {
    const data = indexPosts({ 'mesh.md': POST }, { catalogue: true });
    expect(toolsOf(data, 'Service meshes in production')).toEqual(
      expect.arrayContaining(['Istio', 'Envoy', 'Kubernetes', 'Prometheus', 'Linkerd']),
    );
    const istio = data.tools.find((t) => t.name === 'Istio');
    expect(istio).toMatchObject({
      origin: 'CATALOGUE',
      inferred: false,
      repositoryUrl: 'https://github.com/istio/istio',
    });
  });

  it('is off with catalogue: false, leaving only registry and inferred tools', () => {
    const data = indexPosts({ 'mesh.md': POST }, { catalogue: false });
    expect(toolsOf(data, 'Service meshes in production')).toEqual([]);
  });

  it('lets a registry entry add an alias to a catalogue tool, keeping its catalogue facts', () => {
    const data = indexPosts(
      { 'mesh.md': POST, 'tools/istio.md': '---\nname: Istio\naliases: [Meshctl]\n---\nOur mesh.\n' },
      { catalogue: true },
    );
    const istio = data.tools.find((t) => t.slug === 'istio');
    expect(istio).toMatchObject({ origin: 'REGISTRY', description: 'Our mesh.' });
    expect(istio?.repositoryUrl).toBe('https://github.com/istio/istio');
    const mention = data.talks[0]?.mentions.find((m) => m.toolSlug === 'istio');
    expect(mention?.evidence.map((e) => e.line)).toEqual([7, 8]);
  });

  it('lets a registry entry rename a catalogue tool found by its alias, keeping the old name as an alias', () => {
    const data = indexPosts(
      { 'mesh.md': POST, 'tools/k8s.md': '---\nname: K8s Platform\naliases: [k8s]\n---\n' },
      { catalogue: true },
    );
    const tool = data.tools.find((t) => t.name === 'K8s Platform');
    expect(tool?.aliases).toContain('Kubernetes');
    expect(toolsOf(data, 'Service meshes in production')).toContain('K8s Platform');
    expect(toolsOf(data, 'Service meshes in production')).not.toContain('Kubernetes');
  });

  it('drops a catalogue tool marked disabled in the registry', () => {
    const data = indexPosts(
      { 'mesh.md': POST, 'tools/linkerd.md': '---\nname: Linkerd\ndisabled: true\n---\n' },
      { catalogue: true },
    );
    expect(toolsOf(data, 'Service meshes in production')).not.toContain('Linkerd');
    expect(data.tools.some((t) => t.name === 'Linkerd')).toBe(false);
  });
});
