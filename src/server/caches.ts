/**
 * @module server/caches
 * Every cache the server keeps, each bounded by bytes as well as entries, so
 * a stream of distinct queries or large answers cannot grow memory without
 * end: whole responses (by their JSON size), parsed documents (by their
 * source size; validation and compiled-query caches hang off the parsed
 * documents through WeakMaps and are freed with them), the short way's
 * compiled queries (by their source size too) and parse errors.
 * The defaults are documented in the README's "Deploying" section.
 */
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { DocumentNode, ExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';

export const CACHE_DEFAULTS = {
  /** Whole responses kept, at most. */
  responseEntries: 1000,
  /** Bytes of JSON those responses may take together. */
  responseBytes: 64 * 1024 * 1024,
  /** A response larger than this is answered but never cached. */
  responseEntryBytes: 4 * 1024 * 1024,
  /** Parsed documents kept, at most (each also carries its validation result and compiled query). */
  documentEntries: 1000,
  /** Estimated bytes of those documents: a parsed, validated, compiled document is many times its source. */
  documentBytes: 64 * 1024 * 1024,
} as const;

/** What a parsed, validated and compiled document costs per byte of source, roughly (measured: 15-30×). */
export const DOCUMENT_BYTES_PER_SOURCE_BYTE = 30;
const DOCUMENT_OVERHEAD = 4096;

export interface BoundedResponseCache extends Cache {
  /** Responses held now. */
  readonly size: number;
  /** JSON bytes of the responses held now. */
  readonly bytes: number;
  clear(): void;
}

/**
 * The response cache: an LRU over whole results, bounded by count and by
 * JSON bytes. Entries are never invalidated by entity: the graph is immutable
 * once served, and a new graph version gets new keys (and clears this).
 */
export function createResponseCache(
  options: { entries?: number; bytes?: number; entryBytes?: number } = {},
): BoundedResponseCache {
  const entryBytes = options.entryBytes ?? CACHE_DEFAULTS.responseEntryBytes;
  const lru = new LRUCache<string, { result: ExecutionResult; bytes: number }>({
    max: options.entries ?? CACHE_DEFAULTS.responseEntries,
    maxSize: options.bytes ?? CACHE_DEFAULTS.responseBytes,
    sizeCalculation: (entry) => Math.max(1, entry.bytes),
  });
  return {
    get size() {
      return lru.size;
    },
    get bytes() {
      return lru.calculatedSize;
    },
    clear: () => lru.clear(),
    get: (id) => lru.get(id)?.result,
    set(id, result) {
      const bytes = JSON.stringify(result).length;
      if (bytes > entryBytes || bytes > lru.maxSize) return;
      lru.set(id, { result, bytes });
    },
    invalidate() {
      lru.clear();
    },
  };
}

/** Parsed documents by source text, bounded by entries and by an estimate of their size. */
export function createDocumentCache(
  options: { entries?: number; bytes?: number } = {},
): LRUCache<string, DocumentNode> {
  return new LRUCache<string, DocumentNode>({
    max: options.entries ?? CACHE_DEFAULTS.documentEntries,
    maxSize: options.bytes ?? CACHE_DEFAULTS.documentBytes,
    sizeCalculation: (_document, source) =>
      DOCUMENT_OVERHEAD + source.length * DOCUMENT_BYTES_PER_SOURCE_BYTE,
  });
}

/**
 * Queries the short way has judged (compiled, or left to Yoga), by source
 * text, bounded as parsed documents are: a compiled query holds its document.
 */
export function createCompiledQueryCache<T extends {}>(
  options: { entries?: number; bytes?: number } = {},
): LRUCache<string, T> {
  return new LRUCache<string, T>({
    max: options.entries ?? CACHE_DEFAULTS.documentEntries,
    maxSize: options.bytes ?? CACHE_DEFAULTS.documentBytes,
    sizeCalculation: (_entry, source) => DOCUMENT_OVERHEAD + source.length * DOCUMENT_BYTES_PER_SOURCE_BYTE,
  });
}

/** Parse errors by source text (small: a message and a location each). */
export function createParseErrorCache(options: { entries?: number } = {}): LRUCache<string, Error> {
  return new LRUCache<string, Error>({ max: options.entries ?? CACHE_DEFAULTS.documentEntries });
}
