import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CliFileError, CliStateError } from './cli-errors.js';
import { TEMP_FILE } from './write-file-atomic.js';

/** The advisory lock of a checkpoint directory: a file holding the pid of the run that uses it. */
export const LOCK_FILE = '.advkit-demo.lock';

export interface CheckpointDirOptions {
  /** The directory (made if missing). */
  dir: string;
  /** The files a run of this command keeps there (training states and reports). */
  files: readonly string[];
  /** Continue from the files there. */
  resume: boolean;
  /** Delete the files there and start over (without it, existing files without `resume` are refused). */
  fresh: boolean;
}

export interface CheckpointDir {
  readonly dir: string;
  /** What opening did that the user should know (a stale lock taken over, stale temporary files removed). */
  readonly notes: string[];
  /** Removes the lock if it is still ours. Idempotent; safe in an `exit` handler (synchronous). */
  release(): void;
}

/**
 * Opens `dir` for one run: makes it, takes its advisory lock (a second run on the same directory is
 * refused with a message naming the process that holds it; the lock of a process that no longer runs is
 * taken over), removes temporary files that killed saves of this command left there (`<file>.<pid>.tmp` of
 * `writeFileAtomic`, which `FileCheckpointStore` and the CLI use; `.<file>.<pid>.<ms>.tmp` of the CLI's
 * writes in releases up to 0.1: nothing else writes them while we hold the lock), and refuses to start over an earlier run's files unless told how: `resume`
 * continues from them, `fresh` deletes them (so hours of training are never deleted silently).
 *
 * @throws {CliFileError} the directory cannot be made, read or written.
 * @throws {CliStateError} the directory is locked by a running process, or holds files and neither
 *   `resume` nor `fresh` is set.
 */
export async function openCheckpointDir(o: CheckpointDirOptions): Promise<CheckpointDir> {
  const { dir } = o;
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new CliFileError('create the checkpoint directory', dir, e);
  }
  const notes: string[] = [];
  const lock = join(dir, LOCK_FILE);
  const release = await takeLock(lock, dir, notes);
  try {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (e) {
      throw new CliFileError('read the checkpoint directory', dir, e);
    }
    const stale = names.filter((n) => {
      const owners = [/^([\w-][\w.-]*)\.\d+\.tmp$/.exec(n)?.[1], TEMP_FILE.exec(n)?.[1]];
      return owners.some((own) => own !== undefined && o.files.includes(own));
    });
    for (const n of stale) await remove(join(dir, n));
    if (stale.length > 0) notes.push(`removed ${stale.length} temporary file${stale.length === 1 ? '' : 's'} of an interrupted save (${stale.join(', ')})`);
    const existing = o.files.filter((f) => names.includes(f));
    if (!o.resume && existing.length > 0) {
      if (!o.fresh) {
        throw new CliStateError(`${dir} holds an earlier run (${existing.join(', ')}); continue it with --resume, or pass --fresh to delete it and start over`);
      }
      for (const f of existing) await remove(join(dir, f));
      notes.push(`--fresh: deleted ${existing.join(', ')}`);
    }
    return { dir, notes, release };
  } catch (e) {
    release();
    throw e;
  }
}

async function remove(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw new CliFileError('delete', path, e);
  });
}

/** Whether process `pid` runs (EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `lock` holding our pid (exclusively); takes over the lock of a process that is gone. Returns the release function. */
async function takeLock(lock: string, dir: string, notes: string[]): Promise<() => void> {
  const mine = `${process.pid}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, mine, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliStateError(`${dir} was locked by another run at the same moment; try again`);
        throw new CliFileError('lock the checkpoint directory', dir, e);
      }
    }
    const held = await readFile(lock, 'utf8').catch(() => '');
    const pid = Number(held.trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new CliStateError(`${dir} is in use by process ${pid} (lock file ${lock}); wait for that run to end or stop it`);
    }
    // a lock of a process that is gone (killed, crashed) or unreadable: take it over
    await remove(lock);
    notes.push(`took over the lock of process ${Number.isInteger(pid) && pid > 0 ? pid : `"${held.trim().slice(0, 20)}"`}, which no longer runs`);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(lock, 'utf8') === mine) unlinkSync(lock);
    } catch {
      // gone already, or the directory went away: nothing to release
    }
  };
}
