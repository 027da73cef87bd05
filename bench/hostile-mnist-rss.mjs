// Peak RSS of loadMnist({ baseUrl }) against a hostile local server that serves the 256 MiB per-file
// maximum (DEFAULT_MAX_BYTES) for each of the four MNIST files. The server runs in a child process, so
// only the loader's memory is measured; each case loads in its own child process and reports
// process.resourceUsage().maxRSS (the peak) and the RSS before the load.
//
// Cases (the four files are served plain; <name>.gz is 404):
//   junk      256 MiB of 0xAB per file: not an IDX file, refused by the parser
//   idx       valid IDX headers, 256 MiB each: images [342392, 28, 28], labels [268435448]; all four
//             parse, then the split is refused (image count != label count): 1 GiB served in all
//   idx-chunked  as idx, without Content-Length (chunked transfer)
//
// usage: node bench/hostile-mnist-rss.mjs [--dist packages/datasets/dist] [--cases junk,idx,idx-chunked]
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argOf = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
};
const MAX = 256 * 1024 * 1024;
const MiB = 1024 * 1024;

if (process.argv[2] === '--serve') {
  const fill = new Uint8Array(MiB).fill(0xab);
  const zeros = new Uint8Array(MiB);
  const header = (magic, dims) => {
    const b = Buffer.alloc(4 + 4 * dims.length);
    b.writeUInt32BE(magic, 0);
    dims.forEach((d, i) => b.writeUInt32BE(d, 4 + 4 * i));
    return b;
  };
  const server = createServer((req, res) => {
    const [, mode, name = ''] = (req.url ?? '/').split('/');
    if (name.endsWith('.gz')) return res.writeHead(404).end();
    let head = Buffer.alloc(0);
    let body = fill;
    let size = MAX;
    if (mode !== 'junk') {
      body = zeros;
      head = name.includes('images') ? header(0x803, [342392, 28, 28]) : header(0x801, [MAX - 8]);
      size = name.includes('images') ? 16 + 342392 * 784 : MAX;
    }
    const headers = { 'content-type': 'application/octet-stream' };
    if (mode !== 'idx-chunked') headers['content-length'] = size;
    res.writeHead(200, headers);
    res.write(head);
    let left = size - head.length;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, body.length);
        left -= n;
        if (!res.write(body.subarray(0, n))) return res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else if (process.argv[2] === '--load') {
  const { loadMnist } = await import(pathToFileURL(join(process.argv[3], 'index.js')).href);
  const before = process.memoryUsage().rss;
  const start = Date.now();
  let outcome;
  try {
    await loadMnist({ baseUrl: process.argv[4] });
    outcome = 'loaded';
  } catch (err) {
    outcome = `${err.name}: ${err.message.slice(0, 110)}`;
  }
  process.send({ before, peak: process.resourceUsage().maxRSS * 1024, ms: Date.now() - start, outcome });
} else {
  const dist = resolve(argOf('--dist', join(root, 'packages/datasets/dist')));
  const cases = argOf('--cases', 'junk,idx,idx-chunked').split(',');
  const server = fork(fileURLToPath(import.meta.url), ['--serve']);
  const port = await new Promise((r) => server.once('message', r));
  for (const c of cases) {
    const child = fork(fileURLToPath(import.meta.url), ['--load', dist, `http://127.0.0.1:${port}/${c}`], { cwd: dist });
    const r = await new Promise((ok) => child.once('message', ok));
    child.kill();
    const served = c === 'junk' ? 'first file refused' : '1024 MiB served';
    console.log(
      `${c.padEnd(12)} RSS before ${(r.before / MiB).toFixed(0)} MiB, peak ${(r.peak / MiB).toFixed(0)} MiB (${served}), ${r.ms} ms: ${r.outcome}`,
    );
  }
  server.kill();
}
