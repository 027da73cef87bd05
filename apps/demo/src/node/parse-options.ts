import { parseArgs } from 'node:util';
import { CliUsageError } from './cli-errors.js';

/**
 * One command-line option, declared: its name, its value's placeholder (absent: a flag), its help line,
 * how its text becomes a value (`parse`, which returns the value or throws a message via `fail`), the
 * setting it fills, and the options it needs or excludes. A subcommand is a table of these; one parser
 * and one usage writer serve every table.
 */
export interface OptionSpec {
  /** `eps` for `--eps`. */
  name: string;
  /** The value's placeholder in the usage (`E`); absent: a boolean flag. */
  arg?: string;
  short?: string;
  help: string;
  /** The default shown in the usage. @default none shown */
  defaultText?: string;
  /** Text → value; throw {@link CliUsageError} (use `fail`) for bad text. @default the text itself */
  parse?: (raw: string) => unknown;
  /** The settings field this option sets (the command's settings object). @default none */
  setting?: string;
  /** Another option that must be given with this one (`--resume` needs `--checkpoint-dir`). */
  needs?: string;
  /** Another option that must not be given with this one. */
  excludes?: string;
}

/** Parsed values by option name (`undefined`: not given; flags: `true`). */
export type OptionValues = Record<string, unknown>;

/** A usage error for option `name`: `--name must be <what>, got "<raw>"`. */
export function fail(name: string, what: string, raw: string): never {
  throw new CliUsageError(`--${name} must be ${what}, got ${JSON.stringify(raw)}`);
}

/** A number option: finite, within bounds; its usage error says exactly which numbers are allowed. */
export function numberOption(
  name: string,
  arg: string,
  help: string,
  rule: { min?: number; max?: number; integer?: boolean; above?: boolean },
  more: Partial<OptionSpec> = {},
): OptionSpec {
  const { min, max, integer = false, above = false } = rule;
  const what = integer
    ? max !== undefined
      ? `an integer from ${min} to ${max}`
      : `an integer >= ${min}`
    : max !== undefined
      ? `a number from ${min} to ${max}`
      : `a number ${above ? '>' : '>='} ${min}`;
  const parse = (raw: string): number => {
    const v = Number(raw);
    const ok =
      raw.trim() !== '' && Number.isFinite(v) && (!integer || Number.isInteger(v)) && (min === undefined || (above ? v > min : v >= min)) && (max === undefined || v <= max);
    if (!ok) fail(name, what, raw);
    return v;
  };
  return { name, arg, help, parse, ...more };
}

/** An option whose text is one of a few words, each standing for a value. */
export function choiceOption(name: string, arg: string, help: string, choices: Record<string, unknown>, what: string, more: Partial<OptionSpec> = {}): OptionSpec {
  return {
    name,
    arg,
    help,
    parse: (raw) => (Object.hasOwn(choices, raw) ? choices[raw] : fail(name, what, raw)),
    ...more,
  };
}

/** A path option: any non-empty text. */
export function pathOption(name: string, arg: string, help: string, more: Partial<OptionSpec> = {}): OptionSpec {
  return { name, arg, help, parse: (raw) => (raw === '' ? fail(name, 'a directory path', raw) : raw), ...more };
}

/** A boolean flag. */
export function flagOption(name: string, help: string, more: Partial<OptionSpec> = {}): OptionSpec {
  return { name, help, ...more };
}

/**
 * Parses `argv` against `specs`: unknown options and positional arguments, bad values, and missing or
 * conflicting companions are {@link CliUsageError}s with a one-line message. A leading `--` (which
 * `pnpm demo -- --eps 1` passes through) is not an argument.
 */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): OptionValues {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(specs.map((s) => [s.name, { type: s.arg === undefined ? 'boolean' : 'string', ...(s.short === undefined ? {} : { short: s.short }) }])) as never,
    }));
  } catch (e) {
    throw new CliUsageError((e as Error).message.replace(/\. To specify a positional.*$/s, '.'));
  }
  const out: OptionValues = {};
  for (const s of specs) {
    const raw = values[s.name];
    if (raw === undefined) continue;
    out[s.name] = typeof raw === 'boolean' ? raw : s.parse === undefined ? raw : s.parse(raw);
  }
  for (const s of specs) {
    if (out[s.name] === undefined) continue;
    const needs = specs.find((t) => t.name === s.needs);
    if (needs !== undefined && out[needs.name] === undefined) throw new CliUsageError(`--${s.name} needs --${needs.name}${needs.arg === undefined ? '' : ` ${needs.arg}`}`);
    if (s.excludes !== undefined && out[s.excludes] !== undefined) throw new CliUsageError(`--${s.name} and --${s.excludes} exclude each other`);
  }
  return out;
}

/** `defaults` with every given option that names a `setting` put in its field. */
export function settingsFrom<T extends object>(defaults: T, values: OptionValues, specs: readonly OptionSpec[]): T {
  const out = { ...defaults } as Record<string, unknown>;
  for (const s of specs) if (s.setting !== undefined && values[s.name] !== undefined) out[s.setting] = values[s.name];
  return out as T;
}

/** The usage text: `head`, then one aligned line per option (`--name ARG  help  default …`). */
export function formatUsage(head: string, sections: readonly [string, readonly OptionSpec[]][]): string {
  const left = (s: OptionSpec): string => `${s.short === undefined ? '' : `-${s.short}, `}--${s.name}${s.arg === undefined ? '' : ` ${s.arg}`}`;
  const all = sections.flatMap(([, specs]) => specs);
  const w1 = Math.max(...all.map((s) => left(s).length)) + 2;
  const w2 = Math.max(...all.filter((s) => s.defaultText !== undefined).map((s) => s.help.length)) + 2;
  const line = (s: OptionSpec): string => {
    const text = `  ${left(s).padEnd(w1)}${s.help}`;
    return s.defaultText === undefined ? text : `  ${left(s).padEnd(w1)}${s.help.padEnd(w2)}default ${s.defaultText}`;
  };
  return `${head}\n${sections.map(([title, specs]) => `\n${title}:\n${specs.map(line).join('\n')}\n`).join('')}`;
}
