import { readFile, unlink } from 'node:fs/promises';
import { ArgumentError, CheckpointError, describeValue } from '@advkit/core';
import { writeFileAtomic } from '@advkit/core/node';
import { decodeAutoAttackState, encodeAutoAttackState, type AutoAttackState } from '../auto-attack-state.js';

/**
 * A file holding an AutoAttack run's state (Node only; from `@advkit/attacks/node`). Use it as
 * `autoAttack(model, x, y, { ..., checkpoint: (s) => store.save(s), resumeFrom: await store.load() })`.
 * `save` is atomic and durable (temporary file, fsync, rename, fsync of the directory): a run killed at
 * any moment, even during a save, leaves the previous state or the new one.
 */
export class FileAutoAttackStore {
  readonly path: string;

  constructor(path: string) {
    if (typeof path !== 'string' || path === '') throw new ArgumentError(`must be a file path, got ${describeValue(path)}`, { fn: 'FileAutoAttackStore', argument: 'path' });
    this.path = path;
  }

  /** Writes `state` (as {@link encodeAutoAttackState}) atomically. @throws CheckpointError naming the file. */
  async save(state: AutoAttackState): Promise<void> {
    try {
      await writeFileAtomic(this.path, encodeAutoAttackState(state), { createDir: true });
    } catch (cause) {
      throw new CheckpointError(`FileAutoAttackStore: could not save ${this.path}: ${(cause as Error).message}`, { cause });
    }
  }

  /** The saved state, or undefined when there is no file. @throws CheckpointError / ArgumentError for an unreadable or foreign file. */
  async load(): Promise<AutoAttackState | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.path);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new CheckpointError(`FileAutoAttackStore: could not read ${this.path}: ${(cause as Error).message}`, { cause });
    }
    return decodeAutoAttackState(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), this.path);
  }

  /** Deletes the file (no error when there is none). */
  async clear(): Promise<void> {
    await unlink(this.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new CheckpointError(`FileAutoAttackStore: could not delete ${this.path}: ${e.message}`, { cause: e });
    });
  }
}
