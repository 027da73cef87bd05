/**
 * One MNIST split (train or test), held in JS memory.
 * Pixel `p` of image `i` is `images[i * rows * cols + p]`, row-major, scaled from the file's bytes
 * 0..255 to `byte / 255` in [0, 1] (0 = background).
 */
export interface MnistSplit {
  /** `count · rows · cols` floats in [0, 1]. */
  images: Float32Array;
  /** `count` digit labels 0..9. */
  labels: Uint8Array;
  /** Number of examples (60,000 for train, 10,000 for test). */
  count: number;
  /** Image height from the file (28 for MNIST). */
  rows: number;
  /** Image width from the file (28 for MNIST). */
  cols: number;
}

/** The MNIST data set: 60,000 training and 10,000 test images (LeCun et al., http://yann.lecun.com/exdb/mnist/). */
export interface Mnist {
  train: MnistSplit;
  test: MnistSplit;
}
