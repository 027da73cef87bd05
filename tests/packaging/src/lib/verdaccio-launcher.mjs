// Starts verdaccio (the devDependency of tests/packaging) on 127.0.0.1, on a port the OS picks, and
// prints `READY <port>` once it listens. Run by registry.ts with Node >= 22 (verdaccio 6 needs it).
//
// It exits when told to (SIGTERM) and also when its parent goes away: the parent holds our stdin, so
// stdin ending means the test process is gone, and no registry is left running behind a killed test.
import { runServer } from 'verdaccio';

const configPath = process.argv[2];
if (!configPath) {
  console.error('usage: verdaccio-launcher.mjs <config.yaml>');
  process.exit(2);
}

const server = await runServer(configPath);
server.on('error', (err) => {
  console.error(`verdaccio-launcher: ${err.message}`);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 'unknown'}\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
