/**
 * @module indexing/watchContent
 * Watches a content root with chokidar (recursive, every platform) and asks
 * for a refresh when markdown changes, once per burst of events: an editor
 * saving a file, or a `git checkout` touching hundreds, costs one reindex
 * after things settle, not one per event. What changed is worked out by the
 * refresh from digests, so a missed or duplicated event costs nothing.
 */
import { type FSWatcher, watch } from 'chokidar';

/** Quiet time after the last event before refreshing. */
export const SETTLE_MS = 150;

const MARKDOWN = /\.(md|markdown|mdown)$/i;
const IGNORED = /(^|[/\\])(\.[^/\\]+|node_modules)([/\\]|$)/;

export interface ContentWatcher {
  /** Resolves once the initial scan is done and changes are being seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchContent(root: string, onChange: () => void, settleMs = SETTLE_MS): ContentWatcher {
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path) => IGNORED.test(path.slice(root.length)),
  });
  let timer: NodeJS.Timeout | undefined;
  const schedule = (path: string) => {
    // Folders come and go with their files; anything else (images, editor swap files) is not content.
    if (path !== root && !MARKDOWN.test(path) && !/[/\\][^./\\]+$/.test(path)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  };
  watcher.on('all', (_event, path) => schedule(path));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
