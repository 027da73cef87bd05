import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { Mlp, type Model } from '@advkit/models';
import type { LpBall } from '@advkit/threat-models';
import { apgd, fab, fabTargeted, square } from '../index.js';

/**
 * The AutoAttack fixture's model (an MLP 400-32-10 trained by advkit with PGD on central 20×20 MNIST
 * crops, see auto-attack.test.ts) and its 40 test images, as tensors the caller disposes.
 */
export function autoAttackFixture(): { model: Mlp; x: tf.Tensor2D; y: tf.Tensor1D } {
  const f = JSON.parse(readFileSync(new URL('../test-fixtures/autoattack-reference.json', import.meta.url), 'utf8')) as {
    model: { layers: { weight: number[]; shape: [number, number]; bias: number[] }[] };
    images: number[];
    labels: number[];
  };
  const model = new Mlp({ inputShape: [400], hiddenSizes: [32], numClasses: 10 });
  model.layers.forEach((l, i) => {
    const { weight, shape, bias } = f.model.layers[i]!;
    tf.tidy(() => {
      l.weight.assign(tf.transpose(tf.tensor2d(weight, shape)));
      l.bias.assign(tf.tensor1d(bias));
    });
  });
  const x = tf.tensor2d(Float32Array.from(f.images, (v) => v / 255), [f.labels.length, 400]);
  const y = tf.tensor1d(f.labels, 'int32');
  return { model, x, y };
}

/**
 * One attack of the reference AutoAttack's 'standard' version, alone, as reference.py runs it (its
 * `attacks_to_run = [name]`): 'apgd-ce', 'apgd-t', 'fab-t', 'fab' (untargeted, 1 restart) or 'square',
 * with the reference's L1 settings on an L1 ball (APGD-CE 5 restarts, APGD-T 5 targets, both with
 * `use_largereps`). Returns the adversarial examples (the caller disposes them).
 */
export async function runReferenceAttack(name: string, model: Model, x: tf.Tensor, y: tf.Tensor1D, threatModel: LpBall): Promise<tf.Tensor> {
  const l1 = threatModel.norm === 'l1';
  const large = l1 ? { largeEpsilonSchedule: true } : {};
  switch (name) {
    case 'square':
      return square(model, x, y, { threatModel });
    case 'fab-t':
      return fabTargeted(model, x, y, { threatModel });
    case 'fab':
      return fab(model, x, y, { threatModel });
    case 'apgd-t':
      return apgd(model, x, y, { threatModel, loss: 'targeted-dlr', ...large, ...(l1 ? { targetClasses: 5 } : {}) });
    case 'apgd-ce':
      return apgd(model, x, y, { threatModel, ...large, ...(l1 ? { restarts: 5 } : {}) });
    default:
      throw new Error(`runReferenceAttack: no attack named ${name}`);
  }
}
