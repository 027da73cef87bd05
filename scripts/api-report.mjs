#!/usr/bin/env node
// The public API of every published package, pinned by a checked-in report per package, so that an
// export added, removed or changed in kind is a reviewed decision:
//
//   pnpm build && pnpm api:report          # rewrite api/<package>.api.md from the built .d.ts files
//   node scripts/api-report.mjs --check    # exit 1 with a diff when a report is out of date
//
// For each package under packages/ (none is private) and each entry point of its package.json
// `exports` (main and subpaths such as `@advkit/trainers/node`), the TypeScript compiler API reads the
// built `types` file and lists every exported name with its kind: class, function, const, let, enum,
// namespace (values, which a user imports at run time) and interface, type (types only), resolving
// re-exports to what they name. `export type { X }` of a value counts as a type ("type-only class").
// tests/packaging/src/api-report.test.ts runs the check in the root test suite.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Where the reports live: outside packages/, so regenerating one is no package change. */
export const REPORT_DIR = 'api';
export const UPDATE_COMMAND = 'pnpm build && pnpm api:report';

/**
 * Every published package and its entry points (`exports` keys other than ./package.json), with the
 * absolute path of each entry's built `types` file.
 * @param {string} [root]
 * @returns {{ name: string; short: string; entries: { specifier: string; types: string }[] }[]}
 */
export function apiEntryPoints(root = repoRoot) {
  const out = [];
  for (const dirent of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    const dir = join(root, 'packages', dirent.name);
    if (!dirent.isDirectory() || !existsSync(join(dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const entries = [];
    for (const [key, target] of Object.entries(manifest.exports ?? {})) {
      if (key === './package.json') continue;
      const types = typeof target === 'object' && target !== null ? target.types : undefined;
      if (typeof types !== 'string') throw new Error(`${manifest.name}: exports["${key}"] has no "types" condition`);
      entries.push({ specifier: key === '.' ? manifest.name : `${manifest.name}/${key.replace(/^\.\//, '')}`, types: join(dir, types) });
    }
    out.push({ name: manifest.name, short: dirent.name, entries });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const VALUE_KINDS = new Set(['class', 'function', 'const', 'let', 'var', 'enum', 'namespace']);

/**
 * The kinds of an exported symbol, e.g. `['function']`, `['interface']`, `['const', 'type']` (a
 * name that is both), or `['type-only class']` for `export type { SomeClass }`.
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol} exported
 * @returns {string[]}
 */
function kindsOf(checker, exported) {
  const typeOnly = (exported.declarations ?? []).some(
    (d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly),
  );
  const s = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const f = s.flags;
  const kinds = [];
  if (f & ts.SymbolFlags.Class) kinds.push('class');
  if (f & ts.SymbolFlags.Function) kinds.push('function');
  if (f & ts.SymbolFlags.Enum) kinds.push('enum');
  if (f & ts.SymbolFlags.Variable) {
    const decl = (s.declarations ?? []).find(ts.isVariableDeclaration);
    const flags = decl ? ts.getCombinedNodeFlags(decl) : 0;
    kinds.push(flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var');
  }
  if (f & ts.SymbolFlags.ValueModule) kinds.push('namespace');
  if (f & ts.SymbolFlags.Interface && !(f & ts.SymbolFlags.Class)) kinds.push('interface');
  if (f & ts.SymbolFlags.TypeAlias) kinds.push('type');
  if (kinds.length === 0) kinds.push('unknown');
  return typeOnly ? kinds.map((k) => (VALUE_KINDS.has(k) ? `type-only ${k}` : k)) : kinds;
}

/**
 * The exports of each entry point's built .d.ts, sorted by name.
 * @param {{ specifier: string; types: string }[]} entries
 * @returns {Map<string, { name: string; kinds: string[] }[]>}
 */
export function readExports(entries) {
  for (const e of entries) {
    if (!existsSync(e.types)) throw new Error(`${e.specifier}: ${relative(repoRoot, e.types)} is missing; build first (\`pnpm build\`)`);
  }
  const program = ts.createProgram(
    entries.map((e) => e.types),
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true, types: [] },
  );
  const checker = program.getTypeChecker();
  const out = new Map();
  for (const e of entries) {
    const sf = program.getSourceFile(e.types);
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error(`${e.specifier}: cannot read ${relative(repoRoot, e.types)} as a module`);
    const list = checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => ({ name: s.getName(), kinds: kindsOf(checker, s) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.set(e.specifier, list);
  }
  return out;
}

/** True for an export a user can use at run time (not a type, not a type-only export). */
export const isValue = (kinds) => kinds.some((k) => VALUE_KINDS.has(k));

/**
 * The report of one package, as checked in.
 * @param {{ name: string; entries: { specifier: string; types: string }[] }} pkg
 * @param {Map<string, { name: string; kinds: string[] }[]>} exportsByEntry
 */
export function formatReport(pkg, exportsByEntry) {
  const lines = [
    `# ${pkg.name}: public API`,
    '',
    `Generated from the built \`.d.ts\` files by \`${UPDATE_COMMAND}\`; do not edit by hand. The root test`,
    'suite (tests/packaging, `api-report.test.ts`) fails when the built API differs from this file, so an',
    'export added, removed or changed in kind is a reviewed change.',
  ];
  for (const e of pkg.entries) {
    const list = exportsByEntry.get(e.specifier) ?? [];
    const values = list.filter((x) => isValue(x.kinds)).length;
    lines.push('', `## \`${e.specifier}\``, '', `${values} values, ${list.length - values} types.`, '', '| export | kind |', '|---|---|');
    for (const x of list) lines.push(`| \`${x.name}\` | ${x.kinds.join(' + ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The expected report text of every package, keyed by its path relative to the repo root.
 * @param {string} [root]
 * @returns {Map<string, string>}
 */
export function buildApiReports(root = repoRoot) {
  const pkgs = apiEntryPoints(root);
  const exportsByEntry = readExports(pkgs.flatMap((p) => p.entries));
  return new Map(pkgs.map((p) => [`${REPORT_DIR}/${p.short}.api.md`, formatReport(p, exportsByEntry)]));
}

/**
 * A line diff of two texts (`-` only in `before`, `+` only in `after`), from their longest common
 * subsequence of lines: small reports, so the quadratic table is fine.
 * @param {string} before
 * @param {string} after
 */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`+ ${b[j++]}`);
    } else {
      out.push(`- ${a[i++]}`);
    }
  }
  return out.join('\n');
}

/**
 * Compares the checked-in reports with the built API.
 * @param {string} [root]
 * @returns {{ ok: boolean; message: string }}
 */
export function checkApiReports(root = repoRoot) {
  const problems = [];
  const expected = buildApiReports(root);
  for (const [path, text] of expected) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (current !== text) problems.push(`${path} differs from the built API (- report, + built):\n${lineDiff(current, text)}`);
  }
  const dir = join(root, REPORT_DIR);
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    if (f.endsWith('.api.md') && !expected.has(`${REPORT_DIR}/${f}`)) problems.push(`${REPORT_DIR}/${f} is the report of no published package: delete it`);
  }
  if (problems.length === 0) return { ok: true, message: `${expected.size} API reports match the built packages` };
  return { ok: false, message: `${problems.join('\n\n')}\n\nIf the change is intended, update the reports: ${UPDATE_COMMAND}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const r = checkApiReports();
    console.log(r.message);
    process.exit(r.ok ? 0 : 1);
  }
  mkdirSync(join(repoRoot, REPORT_DIR), { recursive: true });
  for (const [path, text] of buildApiReports()) {
    writeFileSync(join(repoRoot, path), text);
    console.log(`wrote ${path}`);
  }
}
