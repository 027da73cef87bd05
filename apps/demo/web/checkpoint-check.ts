/**
 * A page that checks `IndexedDbCheckpointStore` in a real browser (driven by e2e/checkpoint.e2e.test.ts):
 * trains a small LinearModel with `sgd`, stops it after 2 of 4 epochs with its state saved in
 * IndexedDB, loads the state back, resumes, and compares the weights bit for bit with a run never
 * interrupted; then stores a copy with one byte flipped and checks `load` throws CheckpointError.
 * With `?mode=reload` it only loads the state a previous visit saved (a fresh JS context), resumes
 * from it and compares. The outcome is on `window.checkpointCheck` and in the page text.
 */
import { CheckpointError, initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { LinearModel } from '@advkit/models';
import { sgd } from '@advkit/trainers';
import { IndexedDbCheckpointStore, encodeTrainingState } from '@advkit/trainers/checkpoint';

export interface CheckpointCheck {
  ok: boolean;
  mode: 'full' | 'reload';
  details: Record<string, unknown>;
  error?: string;
}
declare global {
  interface Window {
    checkpointCheck?: CheckpointCheck;
  }
}

const DATABASE = 'advkit-checkpoint-check';
const KEY = 'run';
const CORRUPT_KEY = 'corrupt';
const EPOCHS = 4;
const STOP_AFTER = 2;
const TRAIN = { epochs: EPOCHS, batchSize: 50, seed: 4 };

/** A seeded binary problem: x ~ U[0,1]^8, y = sign(wᵀ(x − 0.5)) with 5 % label noise. */
const data = syntheticData({ n: 300, inputShape: [8], numClasses: 2, seed: 2 });
const weightsOf = (m: LinearModel): Float32Array => Float32Array.from([...m.weight.dataSync(), ...m.bias.dataSync()]);
/** Bit-for-bit equality of two float32 arrays (so −0 ≠ 0 and equal NaNs match). */
const sameBits = (a: Float32Array, b: Float32Array): boolean =>
  a.length === b.length && new Uint32Array(a.buffer, a.byteOffset, a.length).every((v, i) => v === new Uint32Array(b.buffer, b.byteOffset, b.length)[i]);

/** The weights of a run never interrupted. */
async function uninterrupted(): Promise<Float32Array> {
  const m = new LinearModel({ inputSize: 8, seed: 1 });
  try {
    await sgd(m, data, TRAIN);
    return weightsOf(m);
  } finally {
    m.dispose();
  }
}

/** Resumes a fresh model (other initial weights) from the stored state; returns its final weights. */
async function resumeFromStore(store: IndexedDbCheckpointStore, details: Record<string, unknown>): Promise<Float32Array> {
  const state = await store.load();
  if (state === undefined) throw new Error(`no state in IndexedDB ${DATABASE}/${KEY}`);
  details.loaded = { epoch: state.epoch, step: state.step, totalSteps: state.totalSteps, finishedEpochs: state.epochs.length };
  const m = new LinearModel({ inputSize: 8, seed: 9 });
  try {
    await sgd(m, data, { ...TRAIN, resumeFrom: state });
    return weightsOf(m);
  } finally {
    m.dispose();
  }
}

/** Writes `value` under `key` through IndexedDB itself (not the store). */
function rawPut(value: unknown, key: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DATABASE, 1);
    r.onsuccess = () => {
      const db = r.result;
      const tx = db.transaction('checkpoints', 'readwrite');
      tx.objectStore('checkpoints').put(value, key);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = tx.onabort = () => (db.close(), reject(tx.error));
    };
    r.onerror = () => reject(r.error);
  });
}

async function full(details: Record<string, unknown>): Promise<boolean> {
  const store = new IndexedDbCheckpointStore({ database: DATABASE, key: KEY });
  await store.clear();
  details.emptyAfterClear = (await store.load()) === undefined;

  const reference = await uninterrupted();

  // stop after STOP_AFTER epochs; the trainer saves to IndexedDB before it throws the abort reason
  const m = new LinearModel({ inputSize: 8, seed: 1 });
  const ac = new AbortController();
  let saves = 0;
  try {
    await sgd(m, data, {
      ...TRAIN,
      signal: ac.signal,
      checkpoint: {
        save: async (s) => {
          await store.save(s);
          saves++;
        },
      },
      onProgress: (p) => {
        if (p.epoch === STOP_AFTER && p.step === p.stepsPerEpoch) ac.abort(new Error('stopped'));
      },
    });
    details.stopped = false;
  } catch (e) {
    details.stopped = (e as Error).message === 'stopped';
  } finally {
    m.dispose();
  }
  details.saves = saves;

  const resumed = await resumeFromStore(store, details);
  details.bitIdentical = sameBits(resumed, reference);
  details.weights = Array.from(resumed);

  // a stored copy with one byte flipped (in the weights) must be refused with CheckpointError
  const state = await store.load();
  const bytes = encodeTrainingState(state!);
  const flipped = bytes.slice();
  flipped[flipped.length - 8]! ^= 0x01;
  await rawPut(flipped, CORRUPT_KEY);
  const corrupt = new IndexedDbCheckpointStore({ database: DATABASE, key: CORRUPT_KEY });
  try {
    await corrupt.load();
    details.corruptRejected = false;
  } catch (e) {
    details.corruptRejected = CheckpointError.isInstance(e);
    details.corruptMessage = (e as Error).message;
  }
  await corrupt.clear();

  const loaded = details.loaded as { epoch: number; finishedEpochs: number };
  return details.emptyAfterClear === true && details.stopped === true && saves >= STOP_AFTER && loaded.finishedEpochs === STOP_AFTER &&
    details.bitIdentical === true && details.corruptRejected === true;
}

/** After a reload: the state a previous visit saved is still there and resumes to the same weights. */
async function reload(details: Record<string, unknown>): Promise<boolean> {
  const store = new IndexedDbCheckpointStore({ database: DATABASE, key: KEY });
  const resumed = await resumeFromStore(store, details);
  details.bitIdentical = sameBits(resumed, await uninterrupted());
  details.weights = Array.from(resumed);
  return details.bitIdentical === true;
}

async function main(): Promise<void> {
  const mode = new URLSearchParams(location.search).get('mode') === 'reload' ? 'reload' : 'full';
  const details: Record<string, unknown> = {};
  let result: CheckpointCheck;
  try {
    // the advkit() Vite plugin (vite.config.ts) supplies the served .wasm binaries' URLs
    const info = await initBackend({ backend: 'wasm' });
    details.backend = info.backend;
    result = { ok: mode === 'full' ? await full(details) : await reload(details), mode, details };
  } catch (e) {
    result = { ok: false, mode, details, error: String((e as Error)?.message ?? e) };
  }
  window.checkpointCheck = result;
  document.getElementById('result')!.textContent = `${result.ok ? 'OK' : 'FAILED'} (${mode})\n${JSON.stringify(result, null, 2)}`;
  document.body.dataset.state = result.ok ? 'ok' : 'failed';
}

void main();
