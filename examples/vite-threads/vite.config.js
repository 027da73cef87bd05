import { defineConfig } from 'vite';
import { advkit } from '@advkit/core/vite';

// advkit() serves and emits the wasm backend's binaries (initBackend() finds them with no wasmPaths),
// keeps tfjs's threaded worker intact under minification, and sends the COOP/COEP headers from the dev
// and preview servers, so the page is cross-origin isolated and can run wasm threads.
export default defineConfig({
  plugins: [advkit()],
  build: { target: 'es2022' }, // top-level await in src/main.js
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
