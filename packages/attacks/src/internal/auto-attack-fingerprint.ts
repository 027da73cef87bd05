import { ArgumentError, crc32 } from '@advkit/core';
import type { Model } from '@advkit/models';
import type { AutoAttackFingerprint, AutoAttackState } from '../auto-attack-state.js';
import type { AutoAttackRun } from './auto-attack-run.js';

const bytesOf = (a: Float32Array | Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** CRC-32 of a model's weights, variable after variable (float32 bytes). */
function weightsCrc32(model: Model): number {
  const parts = model.variables.map((v) => v.dataSync() as Float32Array);
  const all = new Uint8Array(parts.reduce((a, p) => a + p.byteLength, 0));
  let off = 0;
  for (const p of parts) {
    all.set(bytesOf(p), off);
    off += p.byteLength;
  }
  return crc32(all);
}

/** The fingerprint of a run on `x`, `y` (flat, validated). */
export function autoAttackFingerprint(run: AutoAttackRun, x: Float32Array, y: Int32Array, n: number, modelId: string | undefined): AutoAttackFingerprint {
  const box = run.threatModel.box;
  return {
    threatModel: { norm: run.threatModel.norm, epsilon: run.threatModel.epsilon, box: box === undefined ? null : { min: box.min, max: box.max } },
    attacks: [...run.attacks],
    rand: run.rand,
    version: run.version,
    seed: run.seed,
    batchSize: run.batchSize,
    n,
    inputShape: [...run.model.inputShape],
    numOutputs: run.k,
    xCrc32: crc32(bytesOf(x)),
    yCrc32: crc32(bytesOf(y)),
    weightsCrc32: run.blackBox ? null : weightsCrc32(run.model as Model),
    modelId: modelId ?? null,
  };
}

const NAMES: Record<keyof AutoAttackFingerprint, string> = {
  threatModel: 'the threat model',
  attacks: 'the attack list (options.version)',
  rand: "the 'rand' version",
  version: "options.version (its attack settings: 'plus' runs more restarts than 'standard' or a list)",
  seed: 'options.seed',
  batchSize: 'options.batchSize',
  n: 'the number of examples',
  inputShape: "the model's input shape",
  numOutputs: "the model's number of classes",
  xCrc32: 'x (its bytes differ)',
  yCrc32: 'y (its labels differ)',
  weightsCrc32: "the model's weights",
  modelId: 'options.modelId',
};

/**
 * Checks that `state` was saved by a run with the settings of `want`.
 *
 * @throws ArgumentError naming `options.resumeFrom` of `fn` and the first setting that differs.
 */
export function checkFingerprint(state: AutoAttackState, want: AutoAttackFingerprint, fn: string): void {
  const got = state.fingerprint;
  for (const key of Object.keys(NAMES) as (keyof AutoAttackFingerprint)[]) {
    const a = JSON.stringify(got[key]);
    const b = JSON.stringify(want[key]);
    if (a !== b) {
      throw new ArgumentError(`was saved by a run with other settings: ${NAMES[key]} differs (${a} in the state, ${b} now); resume with the settings it was saved with, or start afresh`, { fn, argument: 'options.resumeFrom' });
    }
  }
}
