/**
 * @module indexing/incremental
 * Keeps a graph current one changed post at a time: the post is parsed and
 * extracted again, its result stored beside the others (`fileResults.ts`),
 * and the graph patched (`graphPatch.ts`) into a new version. When a patch
 * cannot be made (the change moves a decision that another post shares),
 * `update` says why, and the caller indexes everything again from the
 * results, which by then hold the new post.
 *
 * Made after a full index of the same files and results; what it prepares
 * (the extraction context, the builder's knowledge, the store's lookups) is
 * built once, on `prepare` or the first update: a server whose notes never
 * change never pays for it.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ExtractContext } from '../extract/post.js';
import type { LoadedFile } from '../load/walk.js';
import type { Registries } from '../registry/registry.js';
import { type FileResults, resultKey } from './fileResults.js';
import { type PatchBase, patchBaseOf, patchGraph, type Version } from './graphPatch.js';
import {
  createExtractContext,
  type IndexOptions,
  indexPost,
  registriesOf,
  resultContext,
} from './indexer.js';

export type { Version } from './graphPatch.js';

export class IncrementalIndex {
  private readonly registries: Registries;
  private readonly context: string;
  private ctx: ExtractContext | undefined;
  private base: PatchBase | null | undefined;

  /** `version` was indexed from `files` with `results`; registry files and options stay as they are. */
  constructor(
    files: readonly LoadedFile[],
    private readonly options: Omit<IndexOptions, 'root'>,
    private readonly results: FileResults,
    private current: Version,
  ) {
    this.registries = registriesOf(files, options, () => {});
    this.context = resultContext(files, options);
  }

  get version(): Version {
    return this.current;
  }

  /** Builds now what the first update would: the extraction context, the builder's knowledge, the lookups. */
  prepare(): void {
    this.ctx ??= createExtractContext(this.registries, this.options, () => {});
    this.base ??= patchBaseOf(this.current.data, this.registries, (path) => this.results.peek(path)?.draft);
    // The topic lists too, which the store makes on first use and a change patches.
    const { topicTalks, topicTools } = this.current.store.index;
    void topicTalks;
    void topicTools;
  }

  /**
   * The version after `file`, a post of the graph, changed (`diagnostics`: the loader's for it),
   * or why the whole graph must be indexed again. Either way the file's result is stored.
   */
  update(file: LoadedFile, diagnostics: readonly Diagnostic[] = []): Version | { reason: string } {
    const before = this.results.peek(file.path)?.draft;
    if (!before) return { reason: `${file.path} is new to the graph` };
    const key = resultKey(file.digest, this.context);
    let result = this.results.get(file.path, key);
    if (result === undefined) {
      this.prepare();
      const reported: Diagnostic[] = [];
      const ctx = this.ctx as ExtractContext;
      const draft = indexPost(file, { ...ctx, report: (d) => reported.push(d) });
      this.results.set(file.path, { key, draft, diagnostics: reported });
      result = this.results.peek(file.path);
    }
    const after = result?.draft;
    if (!after) return { reason: `${file.path} can no longer be indexed` };
    this.prepare();
    if (!this.base) return { reason: 'the graph must be indexed again first' };
    const patched = patchGraph(
      this.current,
      this.base,
      {
        path: file.path,
        before,
        after,
        text: file.text,
        diagnostics: [...diagnostics, ...(result?.diagnostics ?? [])],
      },
      (path) => this.results.peek(path)?.draft,
    );
    // A patch that gave up may have spent the builder's knowledge: the caller indexes everything again.
    if ('reason' in patched) {
      this.base = null;
      return patched;
    }
    this.current = patched.version;
    this.base = patched.base;
    return patched.version;
  }
}
