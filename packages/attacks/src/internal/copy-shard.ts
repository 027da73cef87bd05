import type { AutoAttackShardState } from '../auto-attack-state.js';

/** A deep copy of a shard (the run keeps mutating its own). */
export function copyShard(s: AutoAttackShardState): AutoAttackShardState {
  return {
    ...s,
    robust: s.robust.slice(),
    brokenBy: [...s.brokenBy],
    xAdv: s.xAdv.slice(),
    next: { ...s.next },
    robustAfter: [...s.robustAfter],
    seconds: [...s.seconds],
    checks: s.checks.map((c) => ({ ...c })),
  };
}
