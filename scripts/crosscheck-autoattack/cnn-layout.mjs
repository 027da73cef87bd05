// An advkit `Cnn`'s weights to and from PyTorch's layout (the JSON reference.py reads as 'arch: cnn'):
//   conv layer: { type: 'conv', weight, shape: [out, in, kh, kw], bias, stride, padding }
//     (tfjs kernel [kh, kw, in, out] → torch [out, in, kh, kw]: transpose by [3, 2, 0, 1]);
//   dense layer: { type: 'dense', weight, shape: [out, in], bias } (tfjs [in, out] transposed); the first
//     dense layer after the convolutions has its input columns permuted from advkit's NHWC flatten order
//     (h, w, c) to torch's NCHW order (c, h, w): torch column c·H·W + h·W + w is advkit's row (h·W + w)·C + c.
// The last layer is the output layer (no ReLU), as in advkit's `Cnn`.

/** The spatial shape [H, W, C] that reaches the first dense layer of `layers` (advkit's `CnnLayer` list). */
function flattenShape(inputShape, layers) {
  let [h, w, c] = inputShape;
  for (const l of layers) {
    if (l.type !== 'conv') break;
    const p = l.padding ?? 0;
    const s = l.stride ?? 1;
    h = Math.floor((h + 2 * p - l.kernelSize) / s) + 1;
    w = Math.floor((w + 2 * p - l.kernelSize) / s) + 1;
    c = l.filters;
  }
  return [h, w, c];
}

/** Row permutation of the first dense weight: torch column j (NCHW order) reads advkit row perm[j] (NHWC). */
function nchwFromNhwc([h, w, c]) {
  const perm = new Int32Array(h * w * c);
  for (let ci = 0; ci < c; ci++) for (let hi = 0; hi < h; hi++) for (let wi = 0; wi < w; wi++) perm[ci * h * w + hi * w + wi] = (hi * w + wi) * c + ci;
  return perm;
}

/** The model's layers in PyTorch layout (plain arrays), for JSON. */
export function cnnToTorch(tf, model) {
  const vars = model.variables;
  const hwc = flattenShape(model.inputShape, model.layers);
  const convs = model.layers.filter((l) => l.type === 'conv');
  const out = [];
  let v = 0;
  for (const l of convs) {
    const w = tf.transpose(vars[v], [3, 2, 0, 1]);
    out.push({ type: 'conv', weight: Array.from(w.dataSync()), shape: w.shape, bias: Array.from(vars[v + 1].dataSync()), stride: l.stride, padding: l.padding });
    w.dispose();
    v += 2;
  }
  let first = true;
  for (; v < vars.length; v += 2) {
    let w = tf.transpose(vars[v]); // [out, in]
    if (first && convs.length > 0) {
      const perm = tf.tensor1d(nchwFromNhwc(hwc), 'int32');
      const g = tf.gather(w, perm, 1);
      w.dispose();
      perm.dispose();
      w = g;
    }
    first = false;
    out.push({ type: 'dense', weight: Array.from(w.dataSync()), shape: w.shape, bias: Array.from(vars[v + 1].dataSync()) });
    w.dispose();
  }
  return out;
}

/** An advkit `Cnn` with the weights of a PyTorch-layout spec ({ inputShape, layers } as cnnToTorch writes). */
export function cnnFromTorch(tf, Cnn, spec) {
  const convs = spec.layers.filter((l) => l.type === 'conv');
  const denses = spec.layers.filter((l) => l.type === 'dense');
  const layers = [
    ...convs.map((l) => ({ type: 'conv', filters: l.shape[0], kernelSize: l.shape[2], stride: l.stride, padding: l.padding })),
    ...denses.slice(0, -1).map((l) => ({ type: 'dense', units: l.shape[0] })),
  ];
  const model = new Cnn({ inputShape: spec.inputShape, numClasses: denses[denses.length - 1].shape[0], layers });
  const vars = model.variables;
  const hwc = flattenShape(model.inputShape, model.layers);
  tf.tidy(() => {
    convs.forEach((l, i) => {
      vars[2 * i].assign(tf.transpose(tf.tensor4d(l.weight, l.shape), [2, 3, 1, 0]));
      vars[2 * i + 1].assign(tf.tensor1d(l.bias));
    });
    denses.forEach((l, i) => {
      let w = tf.tensor2d(l.weight, l.shape); // [out, in]
      if (i === 0 && convs.length > 0) {
        // inverse of cnnToTorch's gather: advkit row perm[j] gets torch column j
        const perm = nchwFromNhwc(hwc);
        const inv = new Int32Array(perm.length);
        perm.forEach((p, j) => (inv[p] = j));
        w = tf.gather(w, tf.tensor1d(inv, 'int32'), 1);
      }
      vars[2 * (convs.length + i)].assign(tf.transpose(w));
      vars[2 * (convs.length + i) + 1].assign(tf.tensor1d(l.bias));
    });
  });
  return model;
}
