import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';
import { CliFileError } from './cli-errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'advkit-atomic-'));
});
afterAll(async () => {
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

  it('a full disk (ENOSPC) is a CliFileError in words (removing the temporary file is tested in @advkit/core/node)', () => {
    const cause = Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
    expect(new CliFileError('write', join(dir, 'c.json'), cause).message).toBe(`cannot write ${join(dir, 'c.json')}: no space left on device (ENOSPC)`);
  });
});
