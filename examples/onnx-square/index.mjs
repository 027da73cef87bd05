/**
 * A black-box model from another framework, attacked with advkit: a PyTorch MLP exported to ONNX
 * (model/mlp.onnx, made by make-model.py), run by onnxruntime-node, wrapped with `blackBoxModel` and
 * attacked with Square, alone and as AutoAttack restricted to its score-based attack.
 *
 * `node index.mjs` prints the figures; `node index.mjs --check` (npm test) also checks them and exits 1
 * when a check fails:
 * 1. onnxruntime's logits on the first 100 MNIST test images equal PyTorch's (model/torch-reference.json)
 *    within 1e-4, so the predictions and the clean accuracy are the same;
 * 2. the same weights loaded into an advkit `Mlp` (model/weights.bin) give the same logits within 1e-4;
 * 3. Square (L∞ ε = 0.1 ∩ [0, 1], 5000 queries, seed 0) finds the same robust error on the ONNX model as
 *    on the advkit Mlp, and agrees per example on at least 98 of 100 (see TOLERANCE below);
 * 4. AutoAttack's standard version on the ONNX model is refused with an ArgumentError naming the attacks
 *    that run on a black-box model, and `version: ['square']` runs.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as ort from 'onnxruntime-node';
import { autoAttack, blackBoxModel, square } from '@advkit/attacks';
import { loadMnist } from '@advkit/datasets';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';

const N = 100;
const SIZES = [784, 32, 10];
/**
 * onnxruntime (MLAS) and tfjs sum the 784 products of a dot product in different orders, so the logits
 * differ in the last float32 bits (about 1e-6 here). Square accepts a candidate when it lowers the margin;
 * a candidate that changes the margin by less than that can be taken by one model and not by the other,
 * after which that example's search differs. So Square's results are compared per example with room for
 * 2 of 100 to differ, and the robust errors within 0.02.
 */
const TOLERANCE = { logits: 1e-4, examples: 2, robustError: 0.02 };
const check = process.argv.includes('--check');
const here = (f) => new URL(f, import.meta.url);
const failures = [];
const expect = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

await tf.setBackend('cpu');
const mnist = await loadMnist();
// loadMnist scales pixels to [0, 1] (byte / 255), as make-model.py does
const x = tf.tensor2d(mnist.test.images.slice(0, N * 784), [N, 784]);
const labels = Array.from(mnist.test.labels.subarray(0, N));
const y = tf.tensor1d(labels, 'int32');
const reference = JSON.parse(await readFile(here('model/torch-reference.json'), 'utf8'));

// the ONNX model as a black box: a batch of flat inputs in, logits out (async)
const session = await ort.InferenceSession.create(await readFile(here('model/mlp.onnx')), { intraOpNumThreads: 1, interOpNumThreads: 1 });
let queries = 0;
const onnxModel = blackBoxModel({
  inputShape: [784],
  numOutputs: 10,
  predict: async (xs, n) => {
    queries += n;
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from(xs), [n, 784]) });
    return out.logits.data;
  },
});

// the same weights as an advkit Mlp (a differentiable tfjs model)
const mlp = new Mlp({ inputShape: [784], hiddenSizes: SIZES.slice(1, -1), numClasses: 10 });
const weights = new Float32Array((await readFile(here('model/weights.bin'))).buffer.slice(0));
let offset = 0;
for (const layer of mlp.layers) {
  for (const v of [layer.weight, layer.bias]) {
    const size = v.size;
    v.assign(tf.tensor(weights.subarray(offset, offset + size), v.shape));
    offset += size;
  }
}
expect(offset === weights.length, `weights.bin holds exactly the Mlp's ${offset} parameters`);

const argmax = (z) => Array.from({ length: N }, (_, i) => z.slice(i * 10, (i + 1) * 10).reduce((b, v, j, r) => (v > r[b] ? j : b), 0));
const maxDiff = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const torchLogits = reference.logits.flat();
const onnxLogits = Array.from(await onnxModel.predict(await x.data(), N));
const mlpLogits = Array.from(tf.tidy(() => mlp.logits(x)).dataSync());
const accuracy = (pred) => pred.filter((p, i) => p === labels[i]).length / N;
console.log(`clean accuracy on the first ${N} test images: PyTorch ${reference.cleanAccuracy.toFixed(4)}, ONNX ${accuracy(argmax(onnxLogits)).toFixed(4)}, advkit Mlp ${accuracy(argmax(mlpLogits)).toFixed(4)}`);
expect(maxDiff(onnxLogits, torchLogits) <= TOLERANCE.logits, `ONNX logits = PyTorch's (max |Δ| ${maxDiff(onnxLogits, torchLogits).toExponential(2)} ≤ ${TOLERANCE.logits})`);
expect(maxDiff(mlpLogits, torchLogits) <= TOLERANCE.logits, `advkit Mlp logits = PyTorch's (max |Δ| ${maxDiff(mlpLogits, torchLogits).toExponential(2)} ≤ ${TOLERANCE.logits})`);
expect(argmax(onnxLogits).every((p, i) => p === reference.predictions[i]), 'ONNX predictions = PyTorch predictions on every image');

// Square on both, same seed
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
const wrongAfter = async (model, label) => {
  const t0 = performance.now();
  queries = 0;
  const xAdv = await square(model, x, y, { threatModel, seed: 0 });
  const z = model.kind === 'black-box' ? Array.from(await model.predict(await xAdv.data(), N)) : Array.from(tf.tidy(() => mlp.logits(xAdv)).dataSync());
  xAdv.dispose();
  const wrong = argmax(z).map((p, i) => p !== labels[i]);
  const err = wrong.filter(Boolean).length / N;
  console.log(`Square L∞ ε 0.1, ${label}: robust error ${err.toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s${model.kind === 'black-box' ? `, ${queries} model queries` : ''})`);
  return { wrong, err };
};
const onSquare = await wrongAfter(onnxModel, 'ONNX model (onnxruntime-node)');
const mlpSquare = await wrongAfter(mlp, 'advkit Mlp, same weights');
const differ = onSquare.wrong.filter((w, i) => w !== mlpSquare.wrong[i]).length;
expect(differ <= TOLERANCE.examples, `Square agrees per example: ${N - differ} of ${N} (at least ${N - TOLERANCE.examples})`);
expect(Math.abs(onSquare.err - mlpSquare.err) <= TOLERANCE.robustError, `Square robust error, ONNX ${onSquare.err.toFixed(2)} vs Mlp ${mlpSquare.err.toFixed(2)} (within ${TOLERANCE.robustError})`);

// AutoAttack: the standard version needs gradients; on a black box only Square runs
try {
  await autoAttack(onnxModel, x, y, { threatModel });
  expect(false, 'autoAttack standard on a black-box model is refused');
} catch (e) {
  console.log(`autoAttack(onnxModel, …, { version: 'standard' }) → ${e.name}: ${e.message}`);
  expect(e.name === 'ArgumentError' && /square/.test(e.message), 'autoAttack standard on a black-box model is an ArgumentError naming square');
}
const t0 = performance.now();
const aa = await autoAttack(onnxModel, x, y, { threatModel, version: ['square'], seed: 0 });
aa.xAdv.dispose();
const aaMlp = await autoAttack(mlp, x, y, { threatModel, version: ['square'], seed: 0 });
aaMlp.xAdv.dispose();
console.log(`autoAttack version ['square'] on the ONNX model: clean error ${aa.cleanError.toFixed(2)}, robust error ${aa.robustError.toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s with the Mlp run); on the advkit Mlp ${aaMlp.robustError.toFixed(2)}`);
const aaDiffer = aa.robust.filter((r, i) => r !== aaMlp.robust[i]).length;
expect(aaDiffer <= TOLERANCE.examples && Math.abs(aa.robustError - aaMlp.robustError) <= TOLERANCE.robustError, `autoAttack ['square'] agrees per example on ${N - aaDiffer} of ${N} and in robust error (ONNX ${aa.robustError.toFixed(2)}, Mlp ${aaMlp.robustError.toFixed(2)})`);

x.dispose();
y.dispose();
mlp.dispose();
await session.release();
if (check && failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
