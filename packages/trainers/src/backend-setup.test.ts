import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { initBackend, Rng } from '@advkit/core';
import { Cnn, getWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { adversarialSgd } from './index.js';

// Training a conv net after `tf.setBackend('wasm')` alone (no initBackend; vitest runs this file in a
// fresh worker): the conv-filter gradient needs Conv2DBackpropFilter, which tfjs-backend-wasm 4.22
// lacks; the trainers add it on first use (registerGradients of @advkit/core), and the run equals the
// same run after initBackend, bit for bit.

function data(): { x: Float32Array; y: Int32Array; n: number } {
  const rng = new Rng(5);
  const n = 16;
  return { x: rng.fillUniform(new Float32Array(n * 36), 0, 1), y: Int32Array.from({ length: n }, (_, i) => i % 3), n };
}

async function adversarialRun(): Promise<Float32Array[]> {
  const model = new Cnn({ inputShape: [6, 6, 1], numClasses: 3, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }], seed: 1 });
  const attack = pgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }), steps: 3, seed: 2 });
  await adversarialSgd(model, data(), { epochs: 2, batchSize: 8, learningRate: 0.1, seed: 3, attack });
  const w = getWeights(model);
  tf.dispose(model.variables as tf.Variable[]);
  return w;
}

describe('adversarial training of a Cnn after tf.setBackend("wasm") alone', () => {
  it('runs (the missing kernel is added on first use) and equals the run after initBackend', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined(); // precondition: nothing set up
    const before = tf.memory().numTensors;
    const alone = await adversarialRun();
    expect(tf.memory().numTensors).toBe(before);
    const fresh = new Cnn({ inputShape: [6, 6, 1], numClasses: 3, layers: [{ type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 }, { type: 'dense', units: 8 }], seed: 1 });
    const initial = getWeights(fresh);
    tf.dispose(fresh.variables as tf.Variable[]);
    expect(alone[0]).not.toEqual(initial[0]); // the conv filter was trained
    await initBackend({ backend: 'wasm' });
    const after = await adversarialRun();
    alone.forEach((w, i) => expect(w, `variable ${i}`).toEqual(after[i]));
  });
});
