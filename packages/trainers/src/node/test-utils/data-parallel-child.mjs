// A train run on dataParallel aborted mid-step, in its own process (../data-parallel-sgd.test.ts). Plain Node
// ESM over the BUILT packages. It never calls process.exit: the test checks that the process ends by
// itself, which it cannot while a worker thread is left running.
// stdout: "rejected: <reason>" when the run rejected with the abort's reason.
import { initBackend, Rng } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { pgdAttack } from '@advkit/attacks';
import { train, adversarialStep } from '@advkit/trainers';
import { dataParallel } from '@advkit/trainers/node';

await initBackend({ backend: 'wasm' });
const rng = new Rng(1);
const n = 60, d = 12;
const data = { x: rng.fillUniform(new Float32Array(n * d), 0, 1), y: Int32Array.from({ length: n }, () => rng.int(3)), n };
const model = new Mlp({ inputShape: [d], hiddenSizes: [16], numClasses: 3, seed: 0 });
const ac = new AbortController();
try {
  await train(model, data, {
    epochs: 5,
    batchSize: 20,
    executor: dataParallel({ workers: 2 }),
    step: adversarialStep(pgdAttack({ threatModel: new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } }), steps: 50, stepSize: 0.01 })),
    onProgress: () => setImmediate(() => ac.abort(new Error('stop'))),
    signal: ac.signal,
  });
  console.log('finished');
} catch (e) {
  console.log(`rejected: ${e.message}`);
}
model.dispose();
