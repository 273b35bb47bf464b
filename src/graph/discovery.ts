/**
 * @module graph/discovery
 * The discovery indexes of a built graph, made once together: full-text
 * search, related talks and the traversable graph view. The graph is
 * immutable, so these never change after `buildDiscovery`; `discoveryOf`
 * builds them on first use and shares them between every store of one graph.
 */
import { RelatedIndex } from './related.js';
import { SearchIndex } from './search.js';
import type { GraphData } from './store.js';
import { GraphView } from './traverse.js';

export interface Discovery {
  search: SearchIndex;
  related: RelatedIndex;
  view: GraphView;
}

export function buildDiscovery(data: GraphData): Discovery {
  return {
    search: SearchIndex.build(data),
    related: RelatedIndex.build(data),
    view: GraphView.build(data),
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
