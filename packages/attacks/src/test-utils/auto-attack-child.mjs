// A child process for the kill -9 test (auto-attack-resume.test.ts): plain Node over the BUILT package
// (build first). It runs autoAttack on the fixture with the settings of AA_SETTINGS (JSON), saving its
// state to the file AA_STATE after every batch and resuming from it when it exists; it prints
// "saved <k>" on stderr after each save and writes the result (flags, brokenBy, xAdv as base64) to AA_OUT.
import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '@advkit/core';
import { Mlp } from '@advkit/models';
import { LpBall } from '@advkit/threat-models';
import { autoAttack } from '@advkit/attacks';
import { FileAutoAttackStore } from '@advkit/attacks/node';

await initBackend({ backend: 'wasm' });
const f = JSON.parse(readFileSync(new URL('../test-fixtures/autoattack-reference.json', import.meta.url), 'utf8'));
const model = new Mlp({ inputShape: [400], hiddenSizes: [32], numClasses: 10 });
model.layers.forEach((l, i) => {
  const { weight, shape, bias } = f.model.layers[i];
  tf.tidy(() => {
    l.weight.assign(tf.transpose(tf.tensor2d(weight, shape)));
    l.bias.assign(tf.tensor1d(bias));
  });
});
const x = tf.tensor2d(Float32Array.from(f.images, (v) => v / 255), [f.labels.length, 400]);
const y = tf.tensor1d(f.labels, 'int32');
const s = JSON.parse(process.env.AA_SETTINGS);
const store = new FileAutoAttackStore(process.env.AA_STATE);
const resumeFrom = await store.load();
let saves = 0;
const res = await autoAttack(model, x, y, {
  threatModel: new LpBall(s.threatModel),
  version: s.version,
  batchSize: s.batchSize,
  seed: s.seed,
  ...(resumeFrom === undefined ? {} : { resumeFrom }),
  checkpoint: async (state) => {
    await store.save(state);
    process.stderr.write(`saved ${++saves}\n`);
  },
});
const xAdv = res.xAdv.dataSync();
writeFileSync(process.env.AA_OUT, JSON.stringify({ resumed: resumeFrom !== undefined, robust: res.robust, brokenBy: res.brokenBy, robustError: res.robustError, xAdv: Buffer.from(xAdv.buffer, xAdv.byteOffset, xAdv.byteLength).toString('base64') }));
