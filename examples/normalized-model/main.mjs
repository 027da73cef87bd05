// Most models are trained on normalised inputs z = (x − mean) / std, x being pixels in [0, 1]. A threat
// model "ε = 0.1 in L∞" is about pixels: every pixel may move by 0.1, and stays in [0, 1].
//
//   right: keep the normalisation inside the model (withPreprocessing) and attack pixels, box [0, 1].
//   wrong: normalise the data, then attack z with the same ε and no box. In z units ε = 0.1 is a
//          pixel budget of 0.1·std: a weaker attack, and a robust error that looks better than it is.
//
// The check: the wrong way reports a lower error, and the right way equals the attack written out by
// hand in z units (ε/std, step/std, the box mapped to [(0 − mean)/std, (1 − mean)/std]).
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '@advkit/core';
import { syntheticData } from '@advkit/datasets';
import { fromLayersModel, withPreprocessing } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { evaluate } from '@advkit/attacks/evaluate';

await initBackend({ backend: 'wasm' });

const d = 32;
const all = syntheticData({ n: 1000, inputShape: [d], numClasses: 4, seed: 1, spread: 0.15 });
const pixels = (from, to) => ({ x: all.x.slice(from * d, to * d), y: all.y.slice(from, to), n: to - from });
const train = pixels(0, 700);
const test = pixels(700, 1000);

// The normalisation the app's model was trained with: one mean and std over the training pixels.
const mean = train.x.reduce((s, v) => s + v, 0) / train.x.length;
const std = Math.sqrt(train.x.reduce((s, v) => s + (v - mean) ** 2, 0) / train.x.length);
const normalize = (data) => ({ ...data, x: data.x.map((v) => (v - mean) / std) });
console.log(`mean ${mean.toFixed(4)}, std ${std.toFixed(4)}`);

// --- the app's model, trained on normalised data -------------------------------------------------------
const net = tfl.sequential({
  layers: [
    tfl.layers.dense({ inputShape: [d], units: 32, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
    tfl.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
  ],
});
net.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
{
  const z = normalize(train);
  const xs = tf.tensor2d(z.x, [z.n, d]);
  const ys = tf.oneHot(tf.tensor1d(z.y, 'int32'), 4);
  await net.fit(xs, ys, { epochs: 20, batchSize: 50, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
}

// --- right: pixels in, normalisation inside the model ---------------------------------------------------
const eps = 0.1;
const inPixels = withPreprocessing(fromLayersModel(net), { mean, std }); // logits(x) = net((x − mean)/std)
const right = evaluate(inPixels, test, {
  attack: pgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: eps, box: { min: 0, max: 1 } }), steps: 20, stepSize: eps / 8, randomStart: false }),
});

// --- wrong: normalised data, the same ε, no box ---------------------------------------------------------
const onZ = fromLayersModel(net);
const testZ = normalize(test);
const wrong = evaluate(onZ, testZ, {
  attack: pgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: eps }), steps: 20, stepSize: eps / 8, randomStart: false }),
});

// --- the right attack written out in z units --------------------------------------------------------------
const byHand = evaluate(onZ, testZ, {
  attack: pgdAttack({
    // Math.fround: the bounds as float32, exactly where normalize() puts pixels 0 and 1.
    threatModel: new LpBall({ norm: 'linf', epsilon: eps / std, box: { min: Math.fround((0 - mean) / std), max: Math.fround((1 - mean) / std) } }),
    steps: 20,
    stepSize: eps / 8 / std,
    randomStart: false,
  }),
});

const clean = evaluate(inPixels, test).error;
console.table({ clean, 'right (pixel space)': right.error, 'wrong (normalised data, same ε)': wrong.error, 'right, by hand in z units': byHand.error });
console.log(`the wrong way understates the robust error ${(right.error / wrong.error).toFixed(2)}×`);

assert.ok(clean < 0.1, `the model learned the problem (clean error ${clean})`);
assert.ok(Math.abs(evaluate(onZ, testZ).error - clean) < 1e-9, 'the same clean error either way: only the attack differs');
assert.ok(wrong.error < right.error - 0.1, 'attacking normalised data with a pixel ε understates the robust error');
// Same attack in other units: the iterates differ only by float32 rounding of (x − mean)/std, which can
// flip an example sitting on a decision boundary: allow 1 in 300.
assert.ok(Math.abs(byHand.error - right.error) <= 1 / test.n, `pixel space ${right.error} = z units by hand ${byHand.error}`);

inPixels.dispose(); // disposes the fromLayersModel adapter it wraps (which does not own `net`)
onZ.dispose();
net.dispose();
console.log('ok');
