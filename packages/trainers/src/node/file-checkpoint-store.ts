import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ArgumentError, CheckpointError, describeValue, checkKnownKeys, optionKeys, checkOptions } from '@advkit/core';
import { writeFileAtomic } from '@advkit/core/node';
import type { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import type { TrainingState } from '../checkpoint/training-state.js';
import { encodeTrainingState } from '../checkpoint/encode-training-state.js';
import { decodeTrainingState } from '../checkpoint/decode-training-state.js';

export interface FileCheckpointStoreOptions {
  /** File name of the checkpoint inside the directory. @default 'checkpoint.advkit' */
  name?: string;
  /**
   * Called after the temporary file is written and synced, before it is renamed into place. For
   * crash tests (pause here, get killed, check that the old checkpoint survives). @default undefined
   */
  beforeRename?: () => void | Promise<void>;
}
const FILE_CHECKPOINT_STORE_KEYS = optionKeys<FileCheckpointStoreOptions>()({ name: true, beforeRename: true });

/**
 * A {@link CheckpointStore} in a directory (Node only; import from `@advkit/trainers/node` so browser
 * bundles never see `node:fs`). `save` is atomic and durable (`writeFileAtomic` of `@advkit/core/node`):
 * it writes the bytes of `encodeTrainingState` to a temporary file in the same directory, fsyncs the file,
 * renames it over `name` (rename is atomic within a file system) and fsyncs the directory so the rename
 * itself survives a power cut. A crash at any point leaves the previous checkpoint or the new one; stray `*.tmp` files
 * from a crash are ignored and overwritten by the next save of the same process id.
 */
export class FileCheckpointStore implements CheckpointStore {
  readonly dir: string;
  readonly path: string;
  private readonly beforeRename: FileCheckpointStoreOptions['beforeRename'];

  constructor(dir: string, options?: FileCheckpointStoreOptions) {
    const fn = 'FileCheckpointStore';
    if (typeof dir !== 'string' || dir === '') throw new ArgumentError(`must be a directory path, got ${describeValue(dir)}`, { fn, argument: 'dir' });
    options = checkOptions(options, fn);
    checkKnownKeys(options, FILE_CHECKPOINT_STORE_KEYS, fn);
    const name = options.name ?? 'checkpoint.advkit';
    if (typeof name !== 'string' || !/^[\w.-]+$/.test(name) || name.startsWith('.')) {
      throw new ArgumentError(`must be a plain file name (letters, digits, . _ -), got ${describeValue(name)}`, { fn, argument: 'options.name' });
    }
    this.dir = dir;
    this.path = join(dir, name);
    this.beforeRename = options.beforeRename;
  }

  async save(state: TrainingState): Promise<void> {
    try {
      await writeFileAtomic(this.path, encodeTrainingState(state), { createDir: true, beforeRename: this.beforeRename });
    } catch (cause) {
      throw new CheckpointError(`FileCheckpointStore: could not save ${this.path}: ${(cause as Error).message}`, { cause });
    }
  }

  async load(): Promise<TrainingState | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.path);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new CheckpointError(`FileCheckpointStore: could not read ${this.path}: ${(cause as Error).message}`, { cause });
    }
    return decodeTrainingState(bytes, this.path);
  }

  async clear(): Promise<void> {
    await unlink(this.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new CheckpointError(`FileCheckpointStore: could not delete ${this.path}: ${e.message}`, { cause: e });
    });
  }
}
