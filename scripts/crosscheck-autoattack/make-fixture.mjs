// Makes the small CI case of the AutoAttack cross-check (its model and images; reference.py --fixture
// then adds the reference's per-example results): MNIST cropped to its central 20×20 pixels (where the
// digits lie; the reference's L2 Square fails on sizes such as 14×14, whose 5×5 start tiling overruns
// the image), an MLP 400-32-10 (seed 0) trained by advkit with PGD (L∞ ε 0.1, 10 steps of 0.025, random start) on the first
// 10000 training images for 3 epochs, and the first 40 test images. Writes
// packages/attacks/src/test-fixtures/autoattack-reference.json.
//
// With --cnn, makes the CNN case instead (a separate file, packages/attacks/src/test-fixtures/
// autoattack-reference-cnn.json; the MLP's file is left alone): a small advkit `Cnn` on the same crops,
//   Conv(1→4, 3×3, stride 2, pad 1) ReLU [20×20 → 10×10], Conv(4→8, 3×3, stride 2, pad 1) ReLU [→ 5×5],
//   Flatten (200), Linear(200 → 32) ReLU, Linear(32 → 10)   (seed 0),
// stride 2 with padding 1 on even sizes, where tfjs's 'same' padding would differ from torch's padding=1
// (advkit pads explicitly, as torch), trained as the MLP after 2 clean epochs of SGD lr 0.5 (see below),
// with its weights in PyTorch layout
// (cnn-layout.mjs: conv kernels [out, in, kh, kw], the dense layer's columns in NCHW flatten order);
// reference.py --fixture stores the torch model's logits beside the results, so the test checks the layout.
//
// usage: node scripts/crosscheck-autoattack/make-fixture.mjs [--cnn]
//        PYTHONPATH=<reference>/autoattack /usr/bin/python3 scripts/crosscheck-autoattack/reference.py --fixture packages/attacks/src/test-fixtures/autoattack-reference.json
//        (then the same with `--cases Linf:0.1,L2:1.5 --attacks fab`, `--cases L1:10 --attacks apgd-ce,apgd-t`
//        and `--cases L1:10 --attacks fab-t,square`, which add the untargeted FAB and L1 cases to the
//        entries; see README.md)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load, root } from './load.mjs';
import { cnnToTorch } from './cnn-layout.mjs';

const cnn = process.argv.includes('--cnn');
const out = join(root, `packages/attacks/src/test-fixtures/autoattack-reference${cnn ? '-cnn' : ''}.json`);
const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { loadMnist, selectAll } = await load('@advkit/datasets');
const { Mlp, Cnn } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { pgdAttack } = await load('@advkit/attacks');
const { adversarialSgd, sgd } = await load('@advkit/trainers');

/** The central 20×20 pixels of 28×28 images, row-major. */
function downsample(x, n) {
  const o = new Float32Array(n * 400);
  for (let i = 0; i < n; i++) for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) o[i * 400 + r * 20 + c] = x[i * 784 + (r + 4) * 28 + c + 4];
  return o;
}

await initBackend({ backend: 'wasm' });
const mnist = await loadMnist();
const train = selectAll(mnist.train);
const test = selectAll(mnist.test);
const nTrain = 10000;
const data = { x: downsample(train.x, nTrain), y: Int32Array.from(train.y.subarray(0, nTrain)), n: nTrain };
const model = cnn
  ? new Cnn({
      inputShape: [20, 20, 1],
      numClasses: 10,
      seed: 0,
      layers: [
        { type: 'conv', filters: 4, kernelSize: 3, stride: 2, padding: 1 },
        { type: 'conv', filters: 8, kernelSize: 3, stride: 2, padding: 1 },
        { type: 'dense', units: 32 },
      ],
    })
  : new Mlp({ inputShape: [400], hiddenSizes: [32], numClasses: 10, seed: 0 });
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
// the CNN first gets 2 clean epochs (SGD lr 0.5): trained with PGD from its init, as the MLP, it stayed
// at chance (7 of the 40 test images right after 3 epochs at lr 0.1 and at lr 0.5)
if (cnn) await sgd(model, data, { epochs: 2, batchSize: 100, learningRate: 0.5, seed: 0 });
await adversarialSgd(model, data, { attack: pgdAttack({ threatModel, steps: 10, stepSize: 0.025, seed: 1 }), epochs: 3, batchSize: 100, learningRate: 0.1, seed: 0 });
const nTest = 40;
const layers = cnn
  ? cnnToTorch(tf, model)
  : model.layers.map((l) => {
      const w = tf.transpose(l.weight);
      const layer = { weight: Array.from(w.dataSync()), shape: w.shape, bias: Array.from(l.bias.dataSync()) };
      w.dispose();
      return layer;
    });
const fixture = {
  about: 'Made by scripts/crosscheck-autoattack/make-fixture.mjs (model, images) and reference.py --fixture (reference), fra31/auto-attack a39220048b3c on Debian torch',
  model: cnn ? { arch: 'cnn', inputShape: [20, 20, 1], layers } : { arch: 'mlp-400-32-10', layers },
  image: [20, 20],
  // pixel values × 255 (MNIST's bytes, exact)
  images: Array.from(downsample(test.x, nTest), (v) => Math.round(v * 255)),
  labels: Array.from(test.y.subarray(0, nTest)),
  reference: [],
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(fixture));
{
  const xt = tf.tensor(downsample(test.x, nTest), cnn ? [nTest, 20, 20, 1] : [nTest, 400]);
  const pred = tf.tidy(() => tf.argMax(model.logits(xt), 1).dataSync());
  xt.dispose();
  console.log(`clean accuracy on the ${nTest} test images: ${pred.filter((p, i) => p === test.y[i]).length}/${nTest}`);
}
console.log(`wrote ${out}`);
