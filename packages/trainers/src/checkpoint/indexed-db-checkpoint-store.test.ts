import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, CheckpointError, ArgumentError } from '@advkit/core';
import { LinearModel } from '@advkit/models';
import { sgd } from '../index.js';
import { IndexedDbCheckpointStore, encodeTrainingState, type TrainingState } from './index.js';
import { syntheticBinary } from '../test-utils/synthetic-binary.js';

// Node has no IndexedDB: these tests run the store against fake-indexeddb, an implementation of the
// W3C IndexedDB spec in JS. A real browser can still differ (quota, private mode, eviction).

const g = globalThis as { indexedDB?: IDBFactory };
beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});
afterEach(() => {
  delete g.indexedDB;
});

const data = syntheticBinary(300, 8, 2);
const flat = (m: LinearModel): number[] => [...m.weight.dataSync(), ...m.bias.dataSync()];

describe('IndexedDbCheckpointStore (against fake-indexeddb)', () => {
  it('saves, loads back exactly, resumes bit-identically, and clears', async () => {
    g.indexedDB = new IDBFactory();
    const store = new IndexedDbCheckpointStore({ database: 'test', key: 'run-1' });
    expect(await store.load()).toBeUndefined();
    const ref = new LinearModel({ inputSize: 8, seed: 1 });
    await sgd(ref, data, { epochs: 3, batchSize: 40, seed: 4 });
    const m = new LinearModel({ inputSize: 8, seed: 1 });
    const ac = new AbortController();
    let steps = 0;
    await expect(
      sgd(m, data, { epochs: 3, batchSize: 40, seed: 4, signal: ac.signal, checkpoint: { save: (s) => store.save(s) }, onProgress: () => ++steps === 11 && ac.abort(new Error('stop')) }),
    ).rejects.toThrow('stop');
    const state = await store.load();
    expect(state).toMatchObject({ epoch: 2, step: 3, totalSteps: 11 });
    const fresh = new LinearModel({ inputSize: 8, seed: 9 });
    await sgd(fresh, data, { epochs: 3, batchSize: 40, seed: 4, resumeFrom: state });
    expect(flat(fresh)).toEqual(flat(ref));
    // a second key in the same database is independent
    const other = new IndexedDbCheckpointStore({ database: 'test', key: 'run-2' });
    expect(await other.load()).toBeUndefined();
    await store.clear();
    expect(await store.load()).toBeUndefined();
    [ref, m, fresh].forEach((x) => x.dispose());
  });

  it('reports damaged or foreign values as CheckpointError', async () => {
    g.indexedDB = new IDBFactory();
    const store = new IndexedDbCheckpointStore({ database: 'test2' });
    let state: TrainingState | undefined;
    const m = new LinearModel({ inputSize: 8 });
    await sgd(m, data, { epochs: 1, checkpoint: { save: (s) => void (state = s) } });
    await store.save(state!);
    // overwrite the stored bytes with a truncated copy and with a non-binary value, through IndexedDB itself
    const put = (value: unknown): Promise<void> =>
      new Promise((resolve, reject) => {
        const r = g.indexedDB!.open('test2', 1);
        r.onsuccess = () => {
          const tx = r.result.transaction('checkpoints', 'readwrite');
          tx.objectStore('checkpoints').put(value, 'checkpoint');
          tx.oncomplete = () => (r.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        r.onerror = () => reject(r.error);
      });
    const bytes = encodeTrainingState(state!);
    await put(bytes.subarray(0, bytes.length - 3).slice());
    await expect(store.load()).rejects.toThrow(/CRC-32 mismatch|truncated/);
    await put('not bytes');
    await expect(store.load()).rejects.toThrow(CheckpointError);
    expect(() => new IndexedDbCheckpointStore({ key: '' })).toThrow(ArgumentError);
    m.dispose();
  });

  it('without IndexedDB, says so with CheckpointError', async () => {
    await expect(new IndexedDbCheckpointStore().save({} as never)).rejects.toThrow(ArgumentError); // not a state: checked first
    await expect(new IndexedDbCheckpointStore().load()).rejects.toThrow(/indexedDB is not available/);
  });
});
