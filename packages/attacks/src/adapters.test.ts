/**
 * FGSM, PGD and robustEvaluate on models brought from tfjs (fromLayersModel, fromGraphModel) and on a normalised model
 * (withPreprocessing) equal the same attacks on the same network built with advkit's own classes.
 * These tests live in @advkit/attacks because they need both packages and models must not depend on
 * attacks; tfjs-layers and tfjs-converter are devDependencies here for them.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng, initBackend } from '@advkit/core';
import { Cnn, Mlp, fromGraphModel, fromLayersModel, getWeights, setWeights, withPreprocessing, type Model } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { fgsm, fgsmAttack, pgd, pgdAttack } from './index.js';
import { robustEvaluate } from './evaluate/index.js';
import { mlpGraph } from '@advkit/test-utils';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

interface Comparison {
  /** Entries of the two adversarial batches that differ by more than 1e-6. */
  differing: number;
  /** Largest |a − b| over all entries. */
  maxDiff: number;
}

function compare(a: tf.Tensor, b: tf.Tensor): Comparison {
  const av = a.dataSync();
  const bv = b.dataSync();
  expect(av.length).toBe(bv.length);
  let differing = 0;
  let maxDiff = 0;
  for (let i = 0; i < av.length; i++) {
    const d = Math.abs(av[i]! - bv[i]!);
    if (d > 1e-6) differing++;
    maxDiff = Math.max(maxDiff, d);
  }
  return { differing, maxDiff };
}

/** Number of examples `model` misclassifies at `x` (class labels y). */
function errors(model: Model, x: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => tf.sum(tf.cast(tf.notEqual(tf.argMax(model.logits(x), 1), y), 'int32')).dataSync()[0]!);
}

/** Uniform [0, 1) inputs labelled with `reference`'s own predictions (clean error 0, so the attacks' error counts mean something). */
function batch(shape: number[], reference: Model, seed: number): { x: tf.Tensor; y: tf.Tensor } {
  const rng = new Rng(seed);
  const x = tf.tensor(rng.fillUniform(new Float32Array(shape.reduce((a, b) => a * b, 1)), 0, 1), shape);
  const y = tf.tidy(() => tf.argMax(reference.logits(x), 1));
  return { x, y };
}

/**
 * Both attacks on `adapted` and on `reference` (the same function), with their agreement. FGSM and
 * PGD take sign(∇) steps, so an entry either agrees to float rounding or differs by a whole step where
 * a gradient component is ~0 and rounding flips its sign; the tests bound both.
 */
function attackBoth(adapted: Model, reference: Model, x: tf.Tensor, y: tf.Tensor, epsilon: number) {
  const threatModel = new LpBall({ norm: 'linf', epsilon, box: { min: 0, max: 1 } });
  const before = tf.memory().numTensors;
  const fa = fgsm(adapted, x, y, { threatModel });
  const fr = fgsm(reference, x, y, { threatModel });
  const pgdOptions = { threatModel, steps: 10, stepSize: epsilon / 4, randomStart: true, seed: 3 };
  const pa = pgd(adapted, x, y, pgdOptions);
  const pr = pgd(reference, x, y, pgdOptions);
  expect(tf.memory().numTensors).toBe(before + 4); // the attacks free everything but their results
  const result = {
    fgsm: compare(fa, fr),
    pgd: compare(pa, pr),
    errors: { clean: [errors(adapted, x, y), errors(reference, x, y)], fgsm: [errors(adapted, fa, y), errors(reference, fr, y)], pgd: [errors(adapted, pa, y), errors(reference, pr, y)] },
  };
  tf.dispose([fa, fr, pa, pr]);
  return result;
}

describe('attacks on adapted tfjs models equal those on the same advkit network', () => {
  it('a LayersModel (conv, BatchNorm, Dropout, softmax head), saved and reloaded, vs advkit Cnn', async () => {
    const cnn = new Cnn({ inputShape: [8, 8, 1], layers: [{ type: 'conv', filters: 4, kernelSize: 3 }], numClasses: 10, seed: 11 });
    const [kernel, bias, dense, denseBias] = getWeights(cnn);
    const eps = 1e-3; // BatchNorm's epsilon: moving variance 1 − ε makes inference-mode BatchNorm the identity
    const built = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, activation: 'relu' }),
        tfl.layers.batchNormalization({ epsilon: eps }),
        tfl.layers.dropout({ rate: 0.5 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    tf.tidy(() => {
      built.layers[0]!.setWeights([tf.tensor4d(kernel!, [3, 3, 1, 4]), tf.tensor1d(bias!)]);
      built.layers[1]!.setWeights([tf.ones([4]), tf.zeros([4]), tf.zeros([4]), tf.fill([4], 1 - eps)]);
      built.layers[4]!.setWeights([tf.tensor2d(dense!, [144, 10]), tf.tensor1d(denseBias!)]);
    });
    // Through tfjs's own save format and back (model.json topology + weight specs + weight data).
    let saved: tf.io.ModelArtifacts | undefined;
    await built.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = JSON.parse(JSON.stringify({ ...artifacts, weightData: undefined })) as tf.io.ModelArtifacts;
      saved.weightData = artifacts.weightData;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    built.dispose();
    const layersModel = await tfl.loadLayersModel(tf.io.fromMemory(saved!));
    const adapted = fromLayersModel(layersModel);
    expect(adapted.bypassed).toBe('softmax');

    const { x, y } = batch([64, 8, 8, 1], cnn, 5);
    const r = attackBoth(adapted, cnn, x, y, 0.1);
    // Logits: conv and matmul kernels sum the same products, BatchNorm with (1 − ε + ε)^-½ rounds to
    // within a float32 ulp of 1: 1e-5 on O(1) logits.
    const zd = compare(tf.tidy(() => adapted.logits(x)), tf.tidy(() => cnn.logits(x)));
    expect(zd.maxDiff).toBeLessThan(1e-5);
    // Sign steps: no entry may differ by more than float rounding, except where rounding flipped the sign of a
    // ~0 gradient component; allow 0.5% of the 4,096 entries, and the same error counts. Measured on wasm:
    // logits within 7.5e-8, FGSM and PGD adversarial examples bit-identical (0 entries differ).
    expect(r.fgsm.differing).toBeLessThanOrEqual(20);
    expect(r.pgd.differing).toBeLessThanOrEqual(20);
    expect(r.errors.clean[0]).toBe(r.errors.clean[1]);
    expect(r.errors.fgsm[0]).toBe(r.errors.fgsm[1]);
    expect(r.errors.pgd[0]).toBe(r.errors.pgd[1]);
    expect(r.errors.pgd[0]).toBeGreaterThan(r.errors.clean[0]!); // the attack does something

    // robustEvaluate (tensors in, batches of 16, FGSM and random-start PGD as Attack objects) gives the
    // same report on both: the per-example results above agree, so the counts must too.
    const threatModel = new LpBall({ norm: 'linf', epsilon: 0.1, box: { min: 0, max: 1 } });
    const attacks = [fgsmAttack({ threatModel }), pgdAttack({ threatModel, steps: 10, stepSize: 0.025, randomStart: true, seed: 3 })];
    const before = tf.memory().numTensors;
    const ea = await robustEvaluate(adapted, { x, y }, { attacks, batchSize: 16, diagnose: false });
    const er = await robustEvaluate(cnn, { x, y }, { attacks, batchSize: 16, diagnose: false });
    expect(tf.memory().numTensors).toBe(before); // nothing left behind; the caller's x and y stay alive
    expect(ea).toEqual(er);
    expect(ea.robustError).toBeGreaterThan(ea.cleanError);
    tf.dispose([x, y]);
    layersModel.dispose();
    cnn.dispose();
  });

  it('a GraphModel (converter-format model.json, trailing Softmax) vs advkit Mlp', async () => {
    const mlp = new Mlp({ inputShape: [20], hiddenSizes: [16, 12], numClasses: 5, seed: 13 });
    const graph = await loadGraphModel(tf.io.fromMemory(mlpGraph(getWeights(mlp), [20, 16, 12, 5])));
    const adapted = fromGraphModel(graph);
    expect(adapted.logitsNode).toBe('dense_3/BiasAdd');
    const { x, y } = batch([64, 20], mlp, 6);
    const r = attackBoth(adapted, mlp, x, y, 0.1);
    expect(r.fgsm.differing).toBeLessThanOrEqual(6); // 0.5% of 1,280 entries, see above; measured: bit-identical
    expect(r.pgd.differing).toBeLessThanOrEqual(6);
    expect(r.errors.fgsm[0]).toBe(r.errors.fgsm[1]);
    expect(r.errors.pgd[0]).toBe(r.errors.pgd[1]);
    expect(r.errors.pgd[0]).toBeGreaterThan(r.errors.clean[0]!);
    tf.dispose([x, y]);
    graph.dispose();
    mlp.dispose();
  });

  it('a normalised model through withPreprocessing vs the normalisation folded into its first layer', () => {
    const mean = [0.5, 0.4, 0.3];
    const std = [0.25, 0.2, 0.3];
    const inner = new Mlp({ inputShape: [4, 4, 3], hiddenSizes: [16], numClasses: 4, seed: 17 });
    const folded = new Mlp({ inputShape: [4, 4, 3], hiddenSizes: [16], numClasses: 4, seed: 18 });
    // W' = W/std_c, b' = b − Σ W·mean_c/std_c (row i of W has channel i mod 3), in float64.
    const [w, b, ...rest] = getWeights(inner);
    const w2 = new Float32Array(w!.length);
    const b2 = Float64Array.from(b!);
    for (let i = 0; i < w!.length / 16; i++) {
      for (let j = 0; j < 16; j++) {
        w2[i * 16 + j] = w![i * 16 + j]! / std[i % 3]!;
        b2[j]! -= (w![i * 16 + j]! * mean[i % 3]!) / std[i % 3]!;
      }
    }
    setWeights(folded, [w2, Float32Array.from(b2), ...rest]);
    const wrapped = withPreprocessing(inner, { mean, std });
    const { x, y } = batch([64, 4, 4, 3], folded, 7);
    const r = attackBoth(wrapped, folded, x, y, 0.05);
    expect(r.fgsm.differing).toBeLessThanOrEqual(15); // 0.5% of 3,072 entries, see above; measured: bit-identical
    expect(r.pgd.differing).toBeLessThanOrEqual(15);
    expect(r.errors.fgsm[0]).toBe(r.errors.fgsm[1]);
    expect(r.errors.pgd[0]).toBe(r.errors.pgd[1]);
    expect(r.errors.pgd[0]).toBeGreaterThan(r.errors.clean[0]!);
    tf.dispose([x, y]);
    wrapped.dispose();
    folded.dispose();
  });
});
