import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A clean environment for npm/pnpm, as on a fresh user machine: a temporary HOME, and npm's user
 * config, global config and cache all in `dir`, so nothing from the developer's own npm setup (a
 * different registry, tokens, `npm_config_*` variables that `pnpm test` exports) leaks in. Only
 * PATH (with the running Node first as `node`), TMPDIR, LANG and CI are kept from the parent.
 *
 * `npmrc` is the text of the user config; it is where the registry (and, for publishing, the token)
 * is configured. `options.cacheDir` lets several fresh projects share one npm cache, as on one machine.
 */
export function isolatedEnv(dir: string, npmrc: string, options: { cacheDir?: string } = {}): NodeJS.ProcessEnv {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const userconfig = join(dir, 'user.npmrc');
  const globalconfig = join(dir, 'global.npmrc');
  writeFileSync(userconfig, npmrc);
  writeFileSync(globalconfig, '');
  // `node` is the Node running this test (npm's own scripts and `#!/usr/bin/env node` use it); npm itself
  // comes from the PATH, as the user's would.
  const nodeBin = join(dir, 'bin');
  mkdirSync(nodeBin, { recursive: true });
  if (!existsSync(join(nodeBin, 'node'))) symlinkSync(process.execPath, join(nodeBin, 'node'));
  const env: NodeJS.ProcessEnv = {
    PATH: `${nodeBin}:${process.env.PATH ?? ''}`,
    HOME: home,
    NPM_CONFIG_USERCONFIG: userconfig,
    NPM_CONFIG_GLOBALCONFIG: globalconfig,
    NPM_CONFIG_CACHE: options.cacheDir ?? join(dir, 'npm-cache'),
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    NPM_CONFIG_FUND: 'false',
    NPM_CONFIG_AUDIT: 'false',
    NPM_CONFIG_LOGLEVEL: 'warn',
  };
  for (const key of ['TMPDIR', 'LANG', 'CI'] as const) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}
