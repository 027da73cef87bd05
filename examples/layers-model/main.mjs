// Attack the tfjs model your app ships. The app's side: a tfjs-layers CNN with a softmax head, trained
// with model.fit and saved as model.json + weights.bin (tfjs's own format). advkit's side: load it,
// wrap it with fromLayersModel (which attacks the logits under the softmax, never the probabilities),
// and measure its error under FGSM and PGD.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { fromLayersModel } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsm, fgsmAttack, pgd, pgdAttack } from '@advkit/attacks';
import { evaluate, robustEvaluate } from '@advkit/attacks/evaluate';

await initBackend({ backend: 'wasm' }); // also what tfjs-layers' model.fit needs on wasm (gradients, kernels)

// A seeded 4-class problem on 8x8 grey images with pixels in [0, 1]: 600 to train, 200 held out.
const shape = [8, 8, 1];
const d = 64;
const all = syntheticData({ n: 800, inputShape: shape, numClasses: 4, seed: 1, spread: 0.2 });
const split = (from, to) => ({ x: all.x.slice(from * d, to * d), y: all.y.slice(from, to), n: to - from });
const train = split(0, 600);
const test = split(600, 800);

// --- the app's model ---------------------------------------------------------------------------------
const seeded = (seed) => tfl.initializers.glorotUniform({ seed });
const net = tfl.sequential({
  layers: [
    tfl.layers.conv2d({ inputShape: shape, filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: seeded(1) }),
    tfl.layers.flatten(),
    tfl.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: seeded(2) }),
  ],
});
net.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
{
  const xs = tf.tensor4d(train.x, [train.n, ...shape]);
  const ys = tf.oneHot(tf.tensor1d(train.y, 'int32'), 4);
  await net.fit(xs, ys, { epochs: 15, batchSize: 50, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
}
// Saved the way tfjs saves a LayersModel (in a browser: `net.save('indexeddb://…')` or a download).
const dir = new URL('./saved-model/', import.meta.url);
mkdirSync(dir, { recursive: true });
await net.save(
  tf.io.withSaveHandler(async (artifacts) => {
    const weightData = Buffer.concat([artifacts.weightData].flat().map((b) => Buffer.from(b)));
    writeFileSync(new URL('weights.bin', dir), weightData);
    const weightsManifest = [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }];
    writeFileSync(new URL('model.json', dir), JSON.stringify({ format: 'layers-model', modelTopology: artifacts.modelTopology, weightsManifest }));
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }),
);

// --- advkit's side -----------------------------------------------------------------------------------
// Loaded from the files (in a browser: `await tfl.loadLayersModel(url)`).
const json = JSON.parse(readFileSync(new URL('model.json', dir), 'utf8'));
const bytes = readFileSync(new URL('weights.bin', dir));
const loaded = await tfl.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  }),
);
const model = fromLayersModel(loaded); // bypasses the softmax: logits(x) is the Dense layer's pre-activation
console.log('inputShape', model.inputShape, 'numOutputs', model.numOutputs);

const x = tf.tensor4d(test.x, [test.n, ...shape]);
const y = tf.tensor1d(test.y, 'int32');
// The reloaded model computes what the trained one does, bit for bit (same weights, same kernels).
const same = tf.tidy(() => tf.all(tf.equal(net.predict(x), loaded.predict(x))).dataSync()[0]);
assert.equal(same, 1, 'the reloaded model predicts exactly what the saved one did');
// softmax(logits) is the model's own output; 1e-6: float32 rounding of exp and the normalisation.
const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.softmax(model.logits(x)), loaded.predict(x)))).dataSync()[0]);
assert.ok(gap < 1e-6, `softmax(logits) = predict(x) (max difference ${gap})`);

// Attacks, as tensors in and out (you own what they return) ...
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const xFgsm = fgsm(model, x, y, { threatModel });
const xPgd = pgd(model, x, y, { threatModel, steps: 20, stepSize: 0.01, seed: 0 });
const errorOf = (xs) => tf.tidy(() => tf.mean(tf.cast(tf.notEqual(tf.argMax(model.logits(xs), 1), y), 'float32')).dataSync()[0]);
const counts = { clean: errorOf(x), fgsm: errorOf(xFgsm), pgd: errorOf(xPgd) };
assert.deepEqual(threatModel.contains(xPgd, x), new Array(test.n).fill(true), 'PGD stays in the ε-ball and the pixel box');

// ... and the evaluation on typed arrays: the per-example worst case over both attacks.
const report = await robustEvaluate(model, test, {
  attacks: [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 20, stepSize: 0.01, seed: 0 })],
  batchSize: 100,
});
console.table({ ...counts, robust: report.robustError });

assert.ok(counts.clean < 0.1, `the model learned the problem (clean error ${counts.clean})`);
assert.ok(Math.abs(evaluate(model, test).error - counts.clean) < 1e-9, 'evaluate counts the same clean error');
assert.ok(counts.pgd > counts.clean + 0.1, 'PGD breaks the model on many examples');
// FGSM is deterministic: the evaluation's FGSM error is the one counted above (1e-6: counted in float32).
assert.ok(Math.abs(report.perAttack[0].error - counts.fgsm) < 1e-6, 'robustEvaluate runs the same FGSM');
assert.ok(report.robustError >= Math.max(...report.perAttack.map((a) => a.error)), 'the worst case is at least each attack');
assert.deepEqual(report.warnings, [], 'no sign of gradient masking (the logits, not the probabilities, are attacked)');

tf.dispose([x, y, xFgsm, xPgd]);
model.dispose(); // the adapter does not own `loaded` (fromLayersModel(loaded, { ownsModel: true }) would)
loaded.dispose();
net.dispose();
console.log('ok');
