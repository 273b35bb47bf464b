/**
 * @module graph/discovery
 * The discovery indexes of a built graph: full-text search, related talks
 * and the traversable graph view. The graph is immutable, so each index is
 * built once, on first use: at 10,000 posts each costs seconds and tens to
 * hundreds of MB, and a server (or a replica started from a snapshot) should
 * answer its first plain query without paying for the ones nobody asked for.
 * `discoveryOf` shares them between every store of one graph.
 */

import type { PackedIndex } from './compactPostings.js';
import { RelatedIndex } from './related.js';
import { SearchIndex } from './search.js';
import { GraphView } from './traverse.js';
import type { GraphData } from './types.js';

export interface Discovery {
  readonly search: SearchIndex;
  readonly related: RelatedIndex;
  readonly view: GraphView;
}

/** `packedSearch`: the graph's search index as written beside it, restored on first use instead of built. */
export function buildDiscovery(data: GraphData, packedSearch?: PackedIndex): Discovery {
  let search: SearchIndex | undefined;
  let related: RelatedIndex | undefined;
  let view: GraphView | undefined;
  return {
    get search() {
      search ??=
        packedSearch === undefined ? SearchIndex.build(data) : SearchIndex.restore(data, packedSearch);
      return search;
    },
    get related() {
      related ??= RelatedIndex.build(data);
      return related;
    },
    get view() {
      view ??= GraphView.build(data);
      return view;
    },
  };
}

const discoveries = new WeakMap<GraphData, Discovery>();

/** The discovery indexes of a graph: built on first use, then shared by every reader of that graph. */
export function discoveryOf(data: GraphData): Discovery {
  let discovery = discoveries.get(data);
  if (discovery === undefined) {
    discovery = buildDiscovery(data);
    discoveries.set(data, discovery);
  }
  return discovery;
}

/** Makes the discovery indexes of a graph read from a snapshot restore its search index rather than build it. */
export function withPackedSearch(data: GraphData, packedSearch: PackedIndex): void {
  discoveries.set(data, buildDiscovery(data, packedSearch));
}
