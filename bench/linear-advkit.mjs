// advkit's side of bench/linear.mjs: the tutorial's linear experiment (MNIST 0 vs 1, LinearModel,
// 10 epochs of sgd at lr 1, then 20 epochs of robustLinearSgd at lr 0.1 against L∞ ε 0.2, batch 100,
// seed 0), straight over the packages (no demo app in between). Prints one JSON line:
// { standard: { trainSeconds, cleanError, adversarialError }, robust: {…}, loadSeconds, peakRssMB }.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'apps/demo/package.json'));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);

const { initBackend } = await load('@advkit/core');
const { loadMnist, selectDigits } = await load('@advkit/datasets');
const { LinearModel } = await load('@advkit/models');
const { LpBall } = await load('@advkit/threat-models');
const { exactLinearAttack } = await load('@advkit/attacks');
const { sgd, robustLinearSgd } = await load('@advkit/trainers');
const { evaluate } = await load('@advkit/attacks/evaluate');

await initBackend({ backend: 'wasm' });
const t0 = performance.now();
const mnist = await loadMnist();
const loadSeconds = (performance.now() - t0) / 1000;
const train = selectDigits(mnist.train, [0, 1]);
const test = selectDigits(mnist.test, [0, 1]);
const threatModel = new LpBall({ norm: 'linf', epsilon: 0.2 });
const common = { batchSize: 100, seed: 0 };

async function phase(trainFn) {
  const model = new LinearModel({ inputSize: train.dim, seed: 0 });
  const r = await trainFn(model);
  const out = {
    trainSeconds: r.seconds,
    cleanError: evaluate(model, test).error,
    adversarialError: evaluate(model, test, { attack: exactLinearAttack({ threatModel }) }).error,
  };
  model.dispose();
  return out;
}

const standard = await phase((m) => sgd(m, train, { ...common, epochs: 10, learningRate: 1 }));
const robust = await phase((m) => robustLinearSgd(m, train, { ...common, epochs: 20, learningRate: 0.1, threatModel }));
process.stdout.write(JSON.stringify({ standard, robust, loadSeconds, peakRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
