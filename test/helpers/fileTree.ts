import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under a folder with its bytes, by relative path: two reads are
 * equal exactly when no file was added, removed, renamed or changed.
 */
export function fileTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path, 'base64');
  }
  return files;
}
