// Test page of e2e/webgl-backend.e2e.test.ts: the same PGD and FGSM attacks on the webgl backend and on
// the cpu backend (the reference: float32 in JS), set up through initBackend({ backend }) with nothing
// else. The result lands in `window.advkitWebgl` for the test to read.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { initBackend, Rng } from '@advkit/core';
import { Mlp, getWeights, setWeights } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsm, pgd } from '@advkit/attacks';

const N = 64;
const D = 49;

interface BackendRun {
  backend: string;
  readsAreCheap: boolean;
  float32: boolean | null;
  pgd: number[];
  fgsm: number[];
  logits: number[];
}

async function run(backend: string): Promise<BackendRun> {
  const info = await initBackend({ backend });
  const model = new Mlp({ inputShape: [D], hiddenSizes: [32], numClasses: 4, seed: 3 });
  // a confident model (last layer ×50), so some input gradients are tiny, as in the Node test
  setWeights(model, getWeights(model).map((w, i) => (i >= 2 ? w.map((v) => 50 * v) : w)));
  const x = tf.tensor2d(new Rng(8).fillUniform(new Float32Array(N * D), 0, 1), [N, D]);
  const y = tf.tensor1d(Int32Array.from({ length: N }, (_, i) => i % 4), 'int32');
  const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
  const a = pgd(model, x, y, { threatModel, steps: 10, stepSize: 0.025, randomStart: false });
  const f = fgsm(model, x, y, { threatModel });
  const z = model.logits(a);
  const out: BackendRun = {
    backend: info.backend,
    readsAreCheap: info.readsAreCheap,
    float32: backend === 'webgl' ? tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') : null,
    pgd: Array.from(await a.data()),
    fgsm: Array.from(await f.data()),
    logits: Array.from(await z.data()),
  };
  tf.dispose([x, y, a, f, z, ...(model.variables as tf.Variable[])]);
  return out;
}

declare global {
  interface Window {
    advkitWebgl?: Promise<{ webgl: BackendRun; cpu: BackendRun } | { error: string }>;
  }
}

window.advkitWebgl = (async () => {
  try {
    const webgl = await run('webgl');
    const cpu = await run('cpu');
    return { webgl, cpu };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
})();
