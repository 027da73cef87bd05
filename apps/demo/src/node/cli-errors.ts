/** A bad command line: the message says what is wrong; the CLI prints it with the usage and exits 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/**
 * A file-system operation of the CLI failed (writing a picture or a report, making or locking the
 * checkpoint directory): one line naming the operation, the path and the reason with its errno code,
 * e.g. `cannot write out/a.png: a directory is in the way (EISDIR)`. The CLI prints it and exits 1.
 */
export class CliFileError extends Error {
  override name = 'CliFileError';
  constructor(action: string, path: string, cause: unknown) {
    super(`cannot ${action} ${path}: ${reason(cause)}`, { cause });
  }
}

/**
 * A state the CLI refuses to run from (a checkpoint directory in use, a checkpoint that needs --resume
 * or --fresh, a report that is not a report): the message says what to do. Exit code 1.
 */
export class CliStateError extends Error {
  override name = 'CliStateError';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'a directory is in the way',
  EEXIST: 'a file is in the way',
  ENOTDIR: 'a file is in the way (a part of the path is not a directory)',
  ENOENT: 'no such file or directory',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** The errno code's plain reason and the code, or the error's message without a stack. */
function reason(cause: unknown): string {
  const e = cause as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined) return `${REASONS[code] ?? (e!.message.split('\n')[0] ?? code)} (${code})`;
  return String(e instanceof Error ? e.message : e).split('\n')[0]!;
}
