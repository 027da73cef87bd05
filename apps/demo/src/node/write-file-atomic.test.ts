import { mkdir, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';
import { CliFileError } from './cli-errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-atomic-'));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves nothing else', async () => {
    await writeFileAtomic(join(dir, 'a.txt'), 'hello');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('hello');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('a directory in the way (the rename fails): a CliFileError naming the path, and the temporary file removed', async () => {
    const sub = join(dir, 'eisdir');
    await mkdir(join(sub, 'b.png'), { recursive: true });
    const e = await writeFileAtomic(join(sub, 'b.png'), 'x').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CliFileError);
    expect((e as Error).message).toBe(`cannot write ${join(sub, 'b.png')}: a directory is in the way (EISDIR)`);
    expect(await readdir(sub)).toEqual(['b.png']);
  });

  it('a full disk while syncing (ENOSPC): a CliFileError, and the temporary file removed', async () => {
    const sub = join(dir, 'enospc');
    await mkdir(sub);
    // FileHandle is not exported: take its prototype from an open handle, and make its fsync fail as a full disk does
    const fh = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(fh) as { sync: () => Promise<void> };
    await fh.close();
    await rm(join(dir, 'probe'));
    const spy = vi.spyOn(proto, 'sync').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }));
    try {
      const e = await writeFileAtomic(join(sub, 'c.json'), '{}').catch((err: unknown) => err);
      expect((e as Error).message).toBe(`cannot write ${join(sub, 'c.json')}: no space left on device (ENOSPC)`);
    } finally {
      spy.mockRestore();
    }
    expect(await readdir(sub)).toEqual([]);
  });
});
