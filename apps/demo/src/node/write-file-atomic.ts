import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { CliFileError } from './cli-errors.js';

/** The temporary name of an atomic write of `path` by this process: `.<name>.<pid>.<ms>.tmp` beside it. */
export const TEMP_FILE = /^\.([\w.-]+)\.(\d+)\.(\d+)\.tmp$/;

/**
 * Writes `data` to `path` atomically: a temporary file in the same directory, fsync, then rename over
 * the target, so a crash leaves either the old file or the new one, never a torn one. On any failure
 * (open, write, fsync, close, rename: a full disk, a directory in the way) the temporary file is removed
 * and a {@link CliFileError} naming `path` is thrown.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fh;
  try {
    fh = await open(tmp, 'w');
  } catch (e) {
    throw new CliFileError('write', path, e);
  }
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new CliFileError('write', path, e);
  }
}
