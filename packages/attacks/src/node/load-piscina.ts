import { BackendError } from '@advkit/core';

/** The `Piscina` pool class of the optional peer dependency `piscina`. */
export type PiscinaClass = typeof import('piscina').Piscina;

/**
 * Imports `piscina` (an optional peer dependency of @advkit/attacks, needed only by
 * `autoAttackParallel`; browser bundles and single-thread users never load it).
 *
 * @throws BackendError naming `fn` and the install command when it is not installed.
 */
export async function loadPiscina(fn: string): Promise<PiscinaClass> {
  try {
    return (await import('piscina')).Piscina;
  } catch (cause) {
    throw new BackendError(`${fn}: needs the worker pool piscina (an optional peer dependency of @advkit/attacks): npm install piscina@5`, { cause });
  }
}
