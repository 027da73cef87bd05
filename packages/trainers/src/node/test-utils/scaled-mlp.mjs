// A Model that is not one of @advkit/models' classes, for dataParallel's modelFactory test
// (../data-parallel.test.ts): an Mlp whose logits are multiplied by a fixed factor. Plain ESM, so the
// worker threads (plain Node) can import it; the test imports it too.
import * as tf from '@tensorflow/tfjs-core';
import { Mlp } from '@advkit/models';

export class ScaledMlp {
  constructor({ inputSize, hidden, classes, scale, seed = 0 }) {
    this.mlp = new Mlp({ inputShape: [inputSize], hiddenSizes: [hidden], numClasses: classes, seed });
    this.scale = scale;
    this.inputShape = this.mlp.inputShape;
    this.numOutputs = this.mlp.numOutputs;
    this.variables = this.mlp.variables;
  }

  logits(x) {
    return tf.tidy(() => tf.mul(this.mlp.logits(x), this.scale));
  }

  dispose() {
    this.mlp.dispose();
  }
}

/** The factory dataParallel's workers call (`exportName: 'makeScaledMlp'`). */
export function makeScaledMlp(options) {
  return new ScaledMlp(options);
}

export default makeScaledMlp;
