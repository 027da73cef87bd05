import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu'; // the reference backend for the comparisons below
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, registerWasmKernels, Rng } from './index.js';
import { maxAbs, maxAbsDiff } from '@advkit/test-utils';

beforeAll(async () => {
  await initBackend({ backend: 'wasm' });
});

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
interface ConvCase {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: number | [number, number];
  pad: Pad;
}

// Stride 1 and 2 (and mixed), pad 0/1/'same'/'valid'/explicit, batch > 1, Cin and Cout > 1 (and Cin = 1,
// which the kernel handles without a transpose).
const cases: ConvCase[] = [
  { x: [2, 5, 5, 3], w: [3, 3, 3, 4], strides: 1, pad: 1 },
  { x: [3, 7, 7, 2], w: [3, 3, 2, 5], strides: 2, pad: 1 },
  { x: [2, 6, 7, 3], w: [3, 2, 3, 2], strides: 2, pad: 'same' },
  { x: [2, 7, 6, 2], w: [2, 3, 2, 3], strides: [2, 1], pad: 'valid' },
  { x: [2, 6, 6, 1], w: [3, 3, 1, 4], strides: 1, pad: 0 },
  { x: [2, 5, 6, 2], w: [3, 3, 2, 2], strides: [1, 2], pad: [[0, 0], [1, 2], [0, 1], [0, 0]] },
];

function normals(rng: Rng, n: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * rng.normal();
  return out;
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Runs `f` with `backend` active and switches back to wasm. */
async function onBackend<T>(backend: 'cpu' | 'wasm', f: () => T): Promise<T> {
  await tf.setBackend(backend);
  try {
    return f();
  } finally {
    await tf.setBackend('wasm');
  }
}

/** dL/dW of L(W) = Σ r ⊙ conv2d(x, W): by the chain rule this is Conv2DBackpropFilter(x, dy = r). */
function filterGrad(c: ConvCase, x: Float32Array, w: Float32Array, r: Float32Array, rShape: number[]): Float32Array {
  return tf.tidy(() => {
    const xt = tf.tensor4d(x, c.x);
    const rt = tf.tensor(r, rShape);
    const g = tf.grad((wt: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xt, wt as tf.Tensor4D, c.strides, c.pad), rt)));
    return g(tf.tensor4d(w, c.w)).dataSync() as Float32Array;
  });
}

function outShape(c: ConvCase): number[] {
  return tf.tidy(() => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.w) as tf.Tensor4D, c.strides, c.pad).shape);
}

describe('registerWasmKernels', () => {
  it('is idempotent and never replaces a kernel that is already registered', () => {
    // initBackend registered both; a second call adds nothing.
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeDefined();
    expect(registerWasmKernels()).toEqual([]);
    // Stand-in for a kernel a future tfjs ships: ours must not overwrite it.
    const ours = tf.getKernel('UnsortedSegmentSum', 'wasm');
    tf.unregisterKernel('UnsortedSegmentSum', 'wasm');
    const theirs: tf.KernelConfig = { kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: ours.kernelFunc };
    tf.registerKernel(theirs);
    expect(registerWasmKernels()).toEqual([]);
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBe(theirs);
    tf.unregisterKernel('UnsortedSegmentSum', 'wasm');
    expect(registerWasmKernels()).toEqual(['UnsortedSegmentSum']);
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).not.toBe(theirs);
  });

  it("replaces tfjs-backend-wasm's Sign, which returns 0 below float32 epsilon and for NaN, with the exact sign", async () => {
    // What tfjs-backend-wasm 4.22's own kernel does, measured before the fix: sign(1e-7) = 0,
    // sign(1.2e-7) = 1, sign(NaN) = 0. The reference is Math.sign (the cpu backend's and PyTorch's sign).
    const values = [1e-3, 1.2e-7, 1e-7, -1e-7, 5e-8, 1e-20, -1e-30, 1e-45, 0, NaN, Infinity, -Infinity, -3];
    const before = tf.memory().numTensors;
    const got = tf.tidy(() => Array.from(tf.sign(tf.tensor1d(values)).dataSync()));
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(values.map((v) => Math.sign(v)));
    expect(tf.tidy(() => Array.from(tf.sign(tf.tensor1d([-5, 0, 7], 'int32')).dataSync()))).toEqual([-1, 0, 1]);
    // a large tensor of tiny and ordinary values agrees with the cpu backend element for element
    const rng = new Rng(4);
    const big = Float32Array.from({ length: 50_000 }, () => rng.normal() * 10 ** -rng.int(41));
    const onCpu = await onBackend('cpu', () => tf.tidy(() => tf.sign(tf.tensor1d(big)).dataSync() as Float32Array));
    const onWasm = tf.tidy(() => tf.sign(tf.tensor1d(big)).dataSync() as Float32Array);
    expect(Array.from(onWasm)).toEqual(Array.from(onCpu));
    // idempotent: the replacement stays, a second call changes nothing; a foreign Sign is replaced again
    expect(registerWasmKernels()).toEqual([]);
    const ours = tf.getKernel('Sign', 'wasm');
    tf.unregisterKernel('Sign', 'wasm');
    tf.registerKernel({ kernelName: 'Sign', backendName: 'wasm', kernelFunc: () => ({ dataId: {}, shape: [], dtype: 'float32' }) });
    expect(registerWasmKernels()).toEqual(['Sign']);
    expect(tf.getKernel('Sign', 'wasm').kernelFunc).toBe(ours.kernelFunc);
  });

  it("replaces tfjs-backend-wasm's Identity (a byte copy) with one that shares the data, as the cpu backend's does", () => {
    expect(registerWasmKernels()).toEqual([]); // in place since initBackend
    const before = tf.memory().numTensors;
    const t = tf.tensor2d([1, -2, 3.5, 4], [2, 2]);
    const c = tf.clone(t); // runs the Identity kernel
    expect(c.dataId).toBe(t.dataId); // shared, not copied
    t.dispose();
    expect(Array.from(c.dataSync())).toEqual([1, -2, 3.5, 4]); // the data outlives the first owner
    const heap = (tf.backend() as unknown as { dataIdMap: { has(id: object): boolean } }).dataIdMap;
    expect(heap.has(c.dataId)).toBe(true);
    c.dispose();
    expect(heap.has(t.dataId)).toBe(false); // freed on the wasm heap with its last owner
    expect(tf.memory().numTensors).toBe(before);
    // strings are shared the same way
    const s = tf.tensor1d(['a', 'bc'], 'string');
    const sc = tf.clone(s);
    s.dispose();
    expect(sc.dataSync()).toEqual(['a', 'bc']);
    sc.dispose();
    expect(heap.has(sc.dataId)).toBe(false);
    // and tensors saved for a gradient (tfjs clones them onto the tape) still give the right gradient
    const x = tf.tensor1d([1, 2, 3]);
    const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(a, a)))(x);
    expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
    tf.dispose([x, g]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(cases)('conv2d filter gradient on wasm equals the cpu backend: x $x, w $w, strides $strides, pad $pad', async (c) => {
    const rng = new Rng(11);
    const rShape = outShape(c);
    const x = normals(rng, size(c.x));
    const w = normals(rng, size(c.w), 0.3);
    const r = normals(rng, size(rShape));
    const before = tf.memory().numTensors;
    const wasm = filterGrad(c, x, w, r, rShape);
    expect(tf.memory().numTensors).toBe(before);
    const cpu = await onBackend('cpu', () => filterGrad(c, x, w, r, rShape));
    expect(tf.getBackend()).toBe('wasm');
    // Both sum at most N·OH·OW ≈ 150 float32 products per entry, in different orders: the difference is
    // a few float32 ulps of the largest partial sums, far below 1e-4 of the gradient's scale.
    expect(maxAbsDiff(wasm, cpu)).toBeLessThanOrEqual(1e-4 * maxAbs(cpu));
    expect(maxAbs(cpu)).toBeGreaterThan(0.1); // not a vacuous comparison
  });

  it.each(cases)('conv2d filter gradient on wasm matches central finite differences: x $x, w $w, strides $strides, pad $pad', (c) => {
    // L(W) = ½ Σ r ⊙ conv2d(x, W)²; dL/dW = Conv2DBackpropFilter(x, r ⊙ y). L is quadratic in W, so the
    // central difference (L(W + h e) − L(W − h e)) / 2h has no truncation error; what remains is float32
    // rounding of y (relative ~1e-7, the final sum is done in float64 here), amplified by 1/2h = 50:
    // about 1e-5 of the loss scale. h = 1e-2 and a tolerance of 1e-2 of the gradient's scale leave a
    // wide margin over that and still catch any wrong index (which moves entries by O(1) of the scale).
    const rng = new Rng(23);
    const rShape = outShape(c);
    const x = normals(rng, size(c.x));
    const w = normals(rng, size(c.w), 0.3);
    const r = normals(rng, size(rShape));
    const xt = tf.tensor4d(x, c.x);
    const rt = tf.tensor(r, rShape);
    const loss = (wv: Float32Array): number => {
      const y = tf.tidy(() => tf.conv2d(xt, tf.tensor4d(wv, c.w), c.strides, c.pad).dataSync());
      let s = 0;
      for (let i = 0; i < y.length; i++) s += 0.5 * r[i]! * y[i]! * y[i]!;
      return s;
    };
    const grad = tf.tidy(() => {
      const g = tf.grad((wt: tf.Tensor) => tf.mul(0.5, tf.sum(tf.mul(rt, tf.square(tf.conv2d(xt, wt as tf.Tensor4D, c.strides, c.pad))))));
      return g(tf.tensor4d(w, c.w)).dataSync();
    });
    const h = 1e-2;
    const fd = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const wp = w.slice();
      const wm = w.slice();
      wp[i] = w[i]! + h;
      wm[i] = w[i]! - h;
      // The perturbation actually applied after float32 rounding of w ± h.
      fd[i] = (loss(wp) - loss(wm)) / (wp[i]! - wm[i]!);
    }
    tf.dispose([xt, rt]);
    expect(maxAbsDiff(grad, fd)).toBeLessThanOrEqual(1e-2 * maxAbs(fd));
    expect(maxAbs(fd)).toBeGreaterThan(0.1);
  });

  it('honours dimRoundingMode and explicit attrs when the kernel is called directly, like cpu', async () => {
    // 8x8 input, 3x3 filter, stride 2, pad 0: (8 − 3)/2 + 1 = 3.5 output rows, 'ceil' makes it 4, so the last
    // window runs past the input and must see zeros.
    const rng = new Rng(5);
    const xShape: [number, number, number, number] = [2, 8, 8, 2];
    const filterShape: [number, number, number, number] = [3, 3, 2, 3];
    const x = normals(rng, size(xShape));
    const dy = normals(rng, 2 * 4 * 4 * 3);
    const run = (): Float32Array =>
      tf.tidy(() => {
        const out = tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x: tf.tensor4d(x, xShape), dy: tf.tensor4d(dy, [2, 4, 4, 3]) },
          { strides: 2, pad: 0, dataFormat: 'NHWC', dimRoundingMode: 'ceil', filterShape },
        ) as tf.Tensor;
        expect(out.shape).toEqual(filterShape);
        return out.dataSync() as Float32Array;
      });
    const dataIdsBefore = tf.engine().backend.numDataIds();
    const wasm = run();
    // Backend-level intermediates (transposed x, im2col matrix) are freed too.
    expect(tf.engine().backend.numDataIds()).toBe(dataIdsBefore);
    const cpu = await onBackend('cpu', run);
    expect(maxAbsDiff(wasm, cpu)).toBeLessThanOrEqual(1e-4 * maxAbs(cpu)); // float32 summation order, as above
  });

  it('rejects NCHW with a message naming the supported layout', () => {
    const x = tf.zeros([1, 2, 5, 5]);
    const dy = tf.zeros([1, 3, 5, 5]);
    expect(() =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 2, 3] }),
    ).toThrow(/dataFormat 'NHWC' only/);
    tf.dispose([x, dy]);
  });

  it('gives tf.gather a gradient on wasm (UnsortedSegmentSum) equal to the closed form', () => {
    // d/dp Σ r ⊙ gather(p, idx, axis) puts r's slices back at idx: grad[j] = Σ_{i: idx[i] = j} r[i].
    const idx = [2, 0, 2, 3, 2];
    const r = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15]];
    const before = tf.memory().numTensors;
    const g0 = tf.tidy(() => {
      const rt = tf.tensor2d(r);
      const it = tf.tensor1d(idx, 'int32');
      return tf.grad((p: tf.Tensor) => tf.sum(tf.mul(tf.gather(p, it, 0), rt)))(tf.zeros([4, 3])).arraySync();
    });
    expect(g0).toEqual([[4, 5, 6], [0, 0, 0], [1 + 7 + 13, 2 + 8 + 14, 3 + 9 + 15], [10, 11, 12]]); // small integers: exact
    const g1 = tf.tidy(() => {
      const rt = tf.transpose(tf.tensor2d(r));
      const it = tf.tensor1d(idx, 'int32');
      return tf.grad((p: tf.Tensor) => tf.sum(tf.mul(tf.gather(p, it, 1), rt)))(tf.zeros([3, 4])).arraySync();
    });
    expect(g1).toEqual([[4, 0, 21, 10], [5, 0, 24, 11], [6, 0, 27, 12]]);
    // Ids outside [0, numSegments) are dropped, as in TensorFlow.
    const s = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), tf.tensor1d([1, -1, 1], 'int32'), 2).arraySync());
    expect(s).toEqual([[0, 0], [6, 8]]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('BatchMatMul gradient (explicit transposes)', () => {
  it('matches the closed form for all four transpose cases, on wasm', async () => {
    const { registerGradients } = await import('./register-gradients.js');
    const tf = await import('@tensorflow/tfjs-core');
    const { batchMatMulGradConfig } = await import('./internal/batch-mat-mul-grad.js');
    registerGradients();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getGradient('BatchMatMul')).toBe(batchMatMulGradConfig); // ours, not tfjs-core's
    // L = sum(W ⊙ (A·B)) ⇒ ∂L/∂A = W·Bᵀ, ∂L/∂B = Aᵀ·W (computed in float64 JS below). Two shapes: A 2×3
    // (M ≤ K: ∂A is computed as (B·∂Cᵀ)ᵀ) and A 3×2 (M > K: ∂A = ∂C·Bᵀ).
    const T = (m: number[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));
    const mul = (x: number[][], y: number[][]) => x.map((r) => y[0]!.map((_, j) => r.reduce((s, v, k) => s + v * y[k]![j]!, 0)));
    const shapes: [number[][], number[][], number[][]][] = [
      [[[1, 2, -1], [0.5, -3, 2]], [[2, 0], [-1, 1], [3, -2]], [[1, -2], [0.5, 3]]], // A 2×3, B 3×2, W 2×2
      [[[1, 2], [-1, 0.5], [-3, 2]], [[2, 0, 1], [-1, 1, 0.5]], [[1, -2, 0], [0.5, 3, 1], [2, -1, -0.5]]], // A 3×2, B 2×3, W 3×3
    ];
    for (const [a, b, w] of shapes) {
      const dA = mul(w, T(b));
      const dB = mul(T(a), w);
      for (const [ta, tb] of [[false, false], [false, true], [true, false], [true, true]] as const) {
        const A = tf.tensor2d(ta ? T(a) : a);
        const B = tf.tensor2d(tb ? T(b) : b);
        const W = tf.tensor2d(w);
        const before = tf.memory().numTensors;
        const [gA, gB] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(W, tf.matMul(x, y, ta, tb))))([A, B]);
        expect(tf.memory().numTensors).toBe(before + 2);
        // small integers and halves: float32 products and sums here are exact
        expect(gA!.arraySync()).toEqual(ta ? T(dA) : dA);
        expect(gB!.arraySync()).toEqual(tb ? T(dB) : dB);
        tf.dispose([A, B, W, gA!, gB!]);
      }
    }
    // batched (rank 3, two batches): each batch's gradient is its own 2-D one
    const A3 = tf.tensor3d([shapes[0]![0], shapes[0]![0].map((r) => r.map((v) => -v))]);
    const B3 = tf.tensor3d([shapes[0]![1], shapes[0]![1]]);
    const W3 = tf.tensor3d([shapes[0]![2], shapes[0]![2]]);
    const [gA3, gB3] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(W3, tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D))))([A3, B3]);
    const dA0 = mul(shapes[0]![2], T(shapes[0]![1]));
    expect(gA3!.arraySync()).toEqual([dA0, dA0]);
    const dB0 = mul(T(shapes[0]![0]), shapes[0]![2]);
    expect(gB3!.arraySync()).toEqual([dB0, dB0.map((r) => r.map((v) => 0 - v))]); // 0 − v: no −0 where v = 0
    tf.dispose([A3, B3, W3, gA3!, gB3!]);
  });
});
