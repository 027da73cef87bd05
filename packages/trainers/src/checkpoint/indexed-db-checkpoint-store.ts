import { ArgumentError, CheckpointError, describeValue, checkKnownKeys, optionKeys, checkOptions } from '@advkit/core';
import type { CheckpointStore } from './checkpoint-store.js';
import type { TrainingState } from './training-state.js';
import { encodeTrainingState } from './encode-training-state.js';
import { decodeTrainingState } from './decode-training-state.js';

export interface IndexedDbCheckpointStoreOptions {
  /** IndexedDB database name. @default 'advkit-checkpoints' */
  database?: string;
  /** Key of this run's checkpoint. @default 'checkpoint' */
  key?: string;
}
const INDEXED_DB_CHECKPOINT_STORE_KEYS = optionKeys<IndexedDbCheckpointStoreOptions>()({ database: true, key: true });

const STORE = 'checkpoints';

/**
 * A {@link CheckpointStore} in the browser's IndexedDB. Each save is one `put` of the bytes of
 * `encodeTrainingState` in a readwrite transaction, which IndexedDB commits atomically (all or
 * nothing); `load` verifies the CRC-32 like the file store.
 *
 * Tested in Node against fake-indexeddb (a JS implementation of the IndexedDB spec) and in real
 * Chromium (apps/demo/e2e/checkpoint.e2e.test.ts: save, abort, resume bit-identically, a flipped byte
 * refused, the state still there after a reload and a browser restart). Not tested: quota limits,
 * private browsing and storage eviction, which can make `save` fail (CheckpointError).
 */
export class IndexedDbCheckpointStore implements CheckpointStore {
  readonly database: string;
  readonly key: string;

  constructor(options?: IndexedDbCheckpointStoreOptions) {
    const fn = 'IndexedDbCheckpointStore';
    options = checkOptions(options, fn);
    checkKnownKeys(options, INDEXED_DB_CHECKPOINT_STORE_KEYS, fn);
    this.database = options.database ?? 'advkit-checkpoints';
    this.key = options.key ?? 'checkpoint';
    for (const [arg, v] of [['options.database', this.database], ['options.key', this.key]] as const) {
      if (typeof v !== 'string' || v === '') throw new ArgumentError(`must be a non-empty string, got ${describeValue(v)}`, { fn, argument: arg });
    }
  }

  async save(state: TrainingState): Promise<void> {
    const bytes = encodeTrainingState(state);
    await this.run('readwrite', (s) => s.put(bytes, this.key));
  }

  async load(): Promise<TrainingState | undefined> {
    const v = await this.run('readonly', (s) => s.get(this.key));
    if (v === undefined) return undefined;
    const bytes = v instanceof Uint8Array ? v : v instanceof ArrayBuffer ? new Uint8Array(v) : undefined;
    if (bytes === undefined) throw new CheckpointError(`IndexedDbCheckpointStore: ${this.database}/${this.key} does not hold checkpoint bytes`);
    return decodeTrainingState(bytes, `${this.database}/${this.key}`);
  }

  async clear(): Promise<void> {
    await this.run('readwrite', (s) => s.delete(this.key));
  }

  private async run(mode: 'readonly' | 'readwrite', op: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (idb === undefined) throw new CheckpointError('IndexedDbCheckpointStore: indexedDB is not available here (use FileCheckpointStore in Node)');
    const db = await request<IDBDatabase>(
      (() => {
        const r = idb.open(this.database, 1);
        r.onupgradeneeded = () => r.result.createObjectStore(STORE);
        return r;
      })(),
      this.database,
    );
    try {
      const tx = db.transaction(STORE, mode);
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(new CheckpointError(`IndexedDbCheckpointStore: transaction on ${this.database} failed`, { cause: tx.error }));
      });
      const [result] = await Promise.all([request(op(tx.objectStore(STORE)), this.database), done]);
      return result;
    } finally {
      db.close();
    }
  }
}

function request<T>(r: IDBRequest, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(new CheckpointError(`IndexedDbCheckpointStore: ${what}: ${r.error?.message ?? 'request failed'}`, { cause: r.error }));
  });
}
