import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ArgumentError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { checkKnownKeys, checkOptions, optionKeys } from '../validate.js';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the file's directory (and its parents) first. When false, a missing directory is the file system's ENOENT. @default false */
  createDir?: boolean;
  /**
   * Called after the temporary file is written and synced, before it is renamed into place: for crash
   * tests (pause here, get killed, check that the old file survives). @default undefined
   */
  beforeRename?: () => void | Promise<void>;
}
const WRITE_FILE_ATOMIC_KEYS = optionKeys<WriteFileAtomicOptions>()({ createDir: true, beforeRename: true });

/**
 * The temporary file an atomic write of `path` by process `pid` uses: `<path>.<pid>.tmp`, beside the
 * target (a rename is atomic only within one file system). A process killed mid-write leaves it behind;
 * the next write of the same path by a process with the same id overwrites it, and a caller that owns
 * the directory may delete stray ones (their names match `/^(.+)\.\d+\.tmp$/`).
 */
export function atomicTempPath(path: string, pid: number = process.pid): string {
  return `${path}.${pid}.tmp`;
}

/**
 * Writes `data` to `path` atomically and durably: the bytes go to `<path>.<pid>.tmp` in the same
 * directory, which is fsynced and closed, then renamed over `path` (atomic within a file system), then
 * the directory is fsynced so the rename itself survives a power cut (skipped where directories cannot
 * be opened, as on Windows). A crash at any point leaves the old file or the new one, never a torn one;
 * on failure the temporary file is removed. Writes of the same path from one process must not overlap
 * (they would share the temporary file): await each before the next, as advkit's stores do.
 *
 * This is POSIX's write-fsync-rename-fsync(dir) recipe (see e.g. the `rename(2)` and `fsync(2)` manual
 * pages); advkit's checkpoint stores and the demo's files use it.
 *
 * @throws {ArgumentError} for a `path` that is not a non-empty string or `data` that is neither a string nor a Uint8Array.
 * @throws the file system's own error (ENOENT, ENOSPC, EACCES, …) otherwise, unwrapped: callers wrap it
 *   in their own typed error naming what they were saving.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options?: WriteFileAtomicOptions): Promise<void> {
  const fn = 'writeFileAtomic';
  if (typeof path !== 'string' || path === '') throw new ArgumentError(`must be a file path, got ${describeValue(path)}`, { fn, argument: 'path' });
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new ArgumentError(`must be a string or a Uint8Array, got ${describeValue(data)}`, { fn, argument: 'data' });
  }
  options = checkOptions(options, fn);
  checkKnownKeys(options, WRITE_FILE_ATOMIC_KEYS, fn);
  const dir = dirname(path);
  const tmp = atomicTempPath(path);
  if (options.createDir === true) await mkdir(dir, { recursive: true });
  const fh = await open(tmp, 'w');
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await options.beforeRename?.();
    await rename(tmp, path);
    await syncDir(dir);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** fsync a directory so a rename in it is durable. Some platforms (Windows) cannot open directories; skip there. */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw e;
  } finally {
    await fh.close();
  }
}
