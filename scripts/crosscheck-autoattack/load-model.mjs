// Builds the advkit model of a cross-check model file (train-mlp.mjs's out/mlp.json or train-cnn.mjs's
// out/cnn.json; both in PyTorch's layout, which reference.py reads as they are).
import { readFileSync } from 'node:fs';
import { load } from './load.mjs';
import { cnnFromTorch } from './cnn-layout.mjs';

/**
 * The model of `path` with its weights, its parsed file (`spec`) and the input shape of one MNIST image
 * for it ([28, 28, 1] for the CNN, [784] for the MLP).
 */
export async function loadModelFile(path) {
  const tf = await load('@tensorflow/tfjs-core');
  const { Mlp, Cnn } = await load('@advkit/models');
  const spec = JSON.parse(readFileSync(path, 'utf8'));
  if (spec.arch === 'cnn') return { model: cnnFromTorch(tf, Cnn, spec), spec, inputShape: [28, 28, 1] }; // PyTorch layout → advkit's (see cnn-layout.mjs)
  // MLP: dense weights [out, in] in torch, [in, out] in advkit
  const sizes = spec.layers.map((l) => l.shape);
  const model = new Mlp({ inputShape: [sizes[0][1]], hiddenSizes: sizes.slice(0, -1).map((s) => s[0]), numClasses: sizes[sizes.length - 1][0] });
  model.layers.forEach((l, i) => {
    const [o, n] = spec.layers[i].shape;
    tf.tidy(() => {
      l.weight.assign(tf.transpose(tf.tensor2d(spec.layers[i].weight, [o, n])));
      l.bias.assign(tf.tensor1d(spec.layers[i].bias));
    });
  });
  return { model, spec, inputShape: [784] };
}
