// Writes the weights of a trained tutorial CNN, saved as an advkit training state (a `.advkit` file, e.g.
// the demo's `adversarial --model cnn --checkpoint-dir DIR` keeps `DIR/pgd-trained.advkit`), as a
// cross-check model file in PyTorch's layout (the format train-cnn.mjs writes; see cnn-layout.mjs), so
// that crosscheck.mjs can compare the two AutoAttacks on a CNN trained on the tutorial's full schedule.
// The state must be finished (its epoch past the last one) unless --allow-unfinished is given.
//
// usage: node scripts/crosscheck-autoattack/checkpoint-to-torch.mjs --checkpoint DIR/pgd-trained.advkit
//          [--out scripts/crosscheck-autoattack/out/cnn-tutorial.json] [--allow-unfinished]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, arg } from './load.mjs';
import { cnnToTorch } from './cnn-layout.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const checkpoint = arg('--checkpoint', undefined);
if (checkpoint === undefined) throw new Error('checkpoint-to-torch.mjs: --checkpoint <file.advkit> is required');
const out = arg('--out', join(here, 'out', 'cnn-tutorial.json'));

const tf = await load('@tensorflow/tfjs-core');
const { initBackend } = await load('@advkit/core');
const { Cnn, setWeights } = await load('@advkit/models');
const { decodeTrainingState } = await load('@advkit/trainers/checkpoint');

await initBackend({ backend: 'wasm' });
const state = decodeTrainingState(new Uint8Array(readFileSync(checkpoint)), checkpoint);
const finished = state.epoch > state.settings.epochs;
if (!finished && !process.argv.includes('--allow-unfinished')) {
  throw new Error(`${checkpoint} is at epoch ${state.epoch} of ${state.settings.epochs}, step ${state.step}: not finished (--allow-unfinished to export it anyway)`);
}
// the tutorial's layers (Cnn's defaults), as the demo's --model cnn; setWeights checks every shape
const model = new Cnn({ inputShape: [28, 28, 1], numClasses: 10 });
setWeights(model, state.weights);
const spec = {
  arch: 'cnn',
  inputShape: [28, 28, 1],
  layers: cnnToTorch(tf, model),
  schedule: { source: checkpoint, trainer: state.trainer, settings: state.settings, epoch: state.epoch, step: state.step, meta: state.meta, epochs: state.epochs },
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(spec));
console.log(`${checkpoint}: ${state.trainer} training, epoch ${state.epoch} of ${state.settings.epochs}${finished ? ' (finished)' : `, step ${state.step}`}; wrote ${out}`);
model.dispose();
