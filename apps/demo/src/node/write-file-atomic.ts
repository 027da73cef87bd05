import { writeFileAtomic as writeAtomically } from '@advkit/core/node';
import { CliFileError } from './cli-errors.js';

/**
 * The temporary name that demo releases up to 0.1 gave an atomic write of `path`: `.<name>.<pid>.<ms>.tmp`
 * beside it. The CLI now writes through `writeFileAtomic` of `@advkit/core/node` (`<name>.<pid>.tmp`);
 * `--checkpoint-dir` still recognises this older form when it cleans up after a killed run.
 */
export const TEMP_FILE = /^\.([\w.-]+)\.(\d+)\.(\d+)\.tmp$/;

/**
 * Writes `data` to `path` atomically (`writeFileAtomic` of `@advkit/core/node`: a temporary file in the
 * same directory, fsync, rename over the target, fsync of the directory), so a crash leaves either the
 * old file or the new one, never a torn one. On any failure (open, write, fsync, close, rename: a full
 * disk, a directory in the way) the temporary file is removed and a {@link CliFileError} naming `path`
 * is thrown.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeAtomically(path, data);
  } catch (e) {
    throw new CliFileError('write', path, e);
  }
}
