import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { Mlp } from '@advkit/models';

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
