import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError } from '../errors.js';
import { atomicTempPath, writeFileAtomic } from './write-file-atomic.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-core-atomic-'));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes strings and bytes, replaces an old file, and leaves nothing else', async () => {
    const sub = join(dir, 'plain');
    await mkdir(sub);
    await writeFileAtomic(join(sub, 'a.txt'), 'hello');
    await writeFileAtomic(join(sub, 'a.txt'), new Uint8Array([104, 105]));
    expect(await readFile(join(sub, 'a.txt'), 'utf8')).toBe('hi');
    expect(await readdir(sub)).toEqual(['a.txt']);
  });

  it('createDir makes the missing directories; without it a missing directory is ENOENT, unwrapped', async () => {
    const deep = join(dir, 'x', 'y', 'z.bin');
    await expect(writeFileAtomic(deep, 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    await writeFileAtomic(deep, 'data', { createDir: true });
    expect(await readFile(deep, 'utf8')).toBe('data');
  });

  it('a failure before the rename (a crash there) keeps the old file whole and removes the temporary one', async () => {
    const sub = join(dir, 'crash');
    await mkdir(sub);
    const target = join(sub, 'state.bin');
    await writeFile(target, 'old');
    const crash = new Error('killed before the rename');
    await expect(
      writeFileAtomic(target, 'new', {
        beforeRename: async () => {
          // the new bytes are complete and synced in the temporary file at this point
          expect(await readFile(atomicTempPath(target), 'utf8')).toBe('new');
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(sub)).toEqual(['state.bin']);
  });

  it('a directory in the way (the rename fails): EISDIR, and the temporary file removed', async () => {
    const sub = join(dir, 'eisdir');
    await mkdir(join(sub, 'b.png'), { recursive: true });
    await expect(writeFileAtomic(join(sub, 'b.png'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readdir(sub)).toEqual(['b.png']);
  });

  it('a full disk while syncing (ENOSPC): the error, and the temporary file removed', async () => {
    const sub = join(dir, 'enospc');
    await mkdir(sub);
    // FileHandle is not exported: take its prototype from an open handle, and make its fsync fail as a full disk does
    const fh = await open(join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(fh) as { sync: () => Promise<void> };
    await fh.close();
    await rm(join(dir, 'probe'));
    const spy = vi.spyOn(proto, 'sync').mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }));
    try {
      await expect(writeFileAtomic(join(sub, 'c.json'), '{}')).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      spy.mockRestore();
    }
    expect(await readdir(sub)).toEqual([]);
  });

  it('bad arguments: ArgumentErrors naming writeFileAtomic and the argument', async () => {
    await expect(writeFileAtomic('', 'x')).rejects.toThrow(ArgumentError);
    await expect(writeFileAtomic('', 'x')).rejects.toThrow(/writeFileAtomic.*path/);
    await expect(writeFileAtomic(join(dir, 'n.txt'), 42 as unknown as string)).rejects.toThrow(/writeFileAtomic.*data/);
    await expect(writeFileAtomic(join(dir, 'n.txt'), 'x', { createdir: true } as never)).rejects.toThrow(/options\.createdir is not an option of writeFileAtomic; did you mean createDir\?/);
    expect((await readdir(dir)).filter((f) => f.startsWith('n.txt'))).toEqual([]);
  });
});
