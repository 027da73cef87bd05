import { open, rename, unlink, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `bytes` to `path` atomically and durably: a temporary file in the same directory (named with
 * the process id), fsync, rename over `path` (atomic within a file system), fsync of the directory so
 * the rename survives a power cut. A crash at any point leaves the old file or the new one, never a
 * torn one; the temporary file is removed on failure. (The same scheme as the trainers' checkpoint store.)
 *
 * @throws the file system's error (the caller wraps it in its own typed error).
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, beforeRename?: () => void | Promise<void>): Promise<void> {
  const dir = dirname(path);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await beforeRename?.();
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
