import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.js';

/** A verdaccio registry on 127.0.0.1, started by {@link startRegistry}. */
export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:43567/` (with the trailing slash npm writes in .npmrc). */
  url: string;
  port: number;
  /** A token of the one user allowed to publish. */
  token: string;
  /** verdaccio's log, for failure messages. */
  logFile: string;
  /** Stops the server and waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Directory for the config, storage, htpasswd and log (a fresh temporary directory). */
  dir: string;
  /**
   * Where verdaccio fetches every package that is not `@advkit/*` (tfjs, vite, ...): the public npm
   * registry. `@advkit/*` is never proxied, so only what the test publishes can be installed.
   */
  upstream: string;
}

const launcher = fileURLToPath(new URL('./verdaccio-launcher.mjs', import.meta.url));

/**
 * A Node binary that verdaccio 6 accepts (>= 22): the running one if it is new enough, else Node 24 from
 * the npm registry (`npx -y node@24`, the same way the suite itself is run on Node 24).
 */
export async function nodeForVerdaccio(): Promise<string> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  const { stdout } = await run('npx', ['-y', 'node@24', '-p', 'process.execPath'], { cwd: process.cwd(), timeoutMs: 300_000 });
  const path = stdout.trim().split('\n').pop() ?? '';
  if (!existsSync(path)) throw new Error(`nodeForVerdaccio: \`npx -y node@24\` printed no usable path: ${stdout}`);
  return path;
}

export async function startRegistry(options: StartRegistryOptions): Promise<LocalRegistry> {
  const { dir, upstream } = options;
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const logFile = join(dir, 'verdaccio.log');
  const configPath = join(dir, 'config.yaml');
  // JSON is valid YAML; verdaccio reads it with js-yaml.
  const config = {
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: { npmjs: { url: upstream, timeout: '120s', max_fails: 5, fail_timeout: '1m' } },
    packages: {
      '@advkit/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' },
    },
    web: { enable: false },
    max_body_size: '50mb',
    log: { type: 'file', path: logFile, level: 'warn' },
  };
  writeFileSync(configPath, JSON.stringify(config, null, 2));

  const node = await nodeForVerdaccio();
  const child = spawn(node, [launcher, configPath], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d));
  const stop = once(() => stopChild(child));
  // Last resort if the test process exits without afterAll (the launcher also exits when stdin closes).
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`verdaccio did not start within 60 s\n${output}`)), 60_000);
      child.stdout?.setEncoding('utf8').on('data', (d: string) => {
        output += d;
        const m = /READY (\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`verdaccio exited with ${code} before listening\n${output}`));
      });
    });
    const url = `http://127.0.0.1:${port}/`;
    const ping = await fetch(`${url}-/ping`);
    if (!ping.ok) throw new Error(`verdaccio ping returned ${ping.status}`);
    const token = await createUser(url, 'advkit-release-test', `pw-${process.pid}-${Date.now()}`);
    return {
      url,
      port,
      token,
      logFile,
      stop: async () => {
        process.removeListener('exit', onExit);
        await stop();
      },
    };
  } catch (err) {
    process.removeListener('exit', onExit);
    await stop();
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
    throw new Error(`startRegistry: ${(err as Error).message}\nverdaccio log: ${log}`, { cause: err });
  }
}

/** Creates the publishing user the way `npm adduser` does (CouchDB-style PUT) and returns its token. */
async function createUser(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${url}-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(`createUser: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
    child.stdin?.end();
  });
}

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

/** The published versions of a package in the registry (empty when it was never published). */
export async function publishedVersions(registryUrl: string, name: string): Promise<string[]> {
  const res = await fetch(`${registryUrl}${name.replace('/', '%2f')}`, { headers: { accept: 'application/json' } });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`publishedVersions(${name}): HTTP ${res.status}`);
  const doc = (await res.json()) as { versions?: Record<string, unknown> };
  return Object.keys(doc.versions ?? {});
}
