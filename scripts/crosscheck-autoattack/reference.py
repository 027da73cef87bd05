"""Runs the reference AutoAttack (fra31/auto-attack, PyTorch) on an advkit MLP's or CNN's weights and the first
N MNIST test images, and writes per-example robust flags (JSON) for crosscheck.mjs to compare.

usage: /usr/bin/python3 reference.py --model out/mlp.json|out/cnn.json --mnist DIR --n 1000 --norm Linf|L2|L1 --eps 0.1
           --attacks apgd-ce,apgd-t,fab-t,square,fab,standard,plus,apgd-ce+apgd-t --out out/ref.json [--threads 1]
       /usr/bin/python3 reference.py --model out/cnn.json --mnist DIR --logits 100 --out out/logits.json
       /usr/bin/python3 reference.py --fixture FILE [--cases Linf:0.1,Linf:0.3,L2:1.5] [--attacks ...]
Each attack name runs the reference's AutoAttack with that attack alone and the settings of its
'standard' version for the norm (so 'fab' is untargeted FAB with 1 restart; for L1, APGD-CE has 5
restarts and APGD-T 5 targets, both with use_largereps); 'standard' and 'plus' run those versions,
and names joined by '+' run that list in order with the standard settings. --fixture adds the
results to the fixture's entries for each case (norm:eps), keeping the other attacks' results (and,
for a CNN fixture, stores the torch model's logits on its images as 'logits').
Needs PYTHONPATH to hold the reference's folder (crosscheck.mjs sets it) and Debian's python3-torch.
"""
import argparse, json, os, struct, time

p = argparse.ArgumentParser()
p.add_argument('--model')
p.add_argument('--mnist')
p.add_argument('--fixture', help='a fixture JSON from make-fixture.mjs: its model and images; the results are written into it')
p.add_argument('--n', type=int, default=1000)
p.add_argument('--offset', type=int, default=0)
p.add_argument('--norm', default='Linf')
p.add_argument('--eps', type=float, default=0.1)
p.add_argument('--attacks', default='apgd-ce,apgd-t,fab-t,square,standard')
p.add_argument('--cases', default='Linf:0.1,Linf:0.3,L2:1.5', help='--fixture only: norm:eps pairs')
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--batch-size', type=int, default=0, help="AutoAttack's bs: images per batch (default 0: all N in one batch)")
p.add_argument('--out')
p.add_argument('--logits', type=int, default=0, help='write only the logits of the first LOGITS test images to --out (the layout check)')
a = p.parse_args()
# --threads for BLAS too: Debian's torch multiplies with OpenBLAS, whose own thread pool does not follow
# torch.set_num_threads and is sized when the library loads (with only set_num_threads(1), a run on an
# idle 2-core machine used 227 s CPU in 114 s wall). So the variables are set before numpy/torch load.
for var in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ[var] = str(a.threads)
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
from autoattack import AutoAttack  # noqa: E402
torch.set_num_threads(a.threads)


def idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack('>' + 'I' * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def build(spec):
    if spec.get('arch') == 'cnn':
        return build_cnn(spec)
    layers = []
    for i, l in enumerate(spec['layers']):
        out_f, in_f = l['shape']
        lin = nn.Linear(in_f, out_f)
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(l['weight'], dtype=torch.float32).reshape(out_f, in_f))
            lin.bias.copy_(torch.tensor(l['bias'], dtype=torch.float32))
        layers.append(lin)
        if i + 1 < len(spec['layers']):
            layers.append(nn.ReLU())
    return nn.Sequential(nn.Flatten(), *layers).eval()


def build_cnn(spec):
    """advkit's Cnn in torch: Conv2d(in, out, k, stride, padding) + ReLU per conv layer (advkit pads
    explicitly p on every side, as torch's padding=p), Flatten (NCHW order: train-cnn.mjs permuted the
    first dense layer's columns to it), Linear + ReLU per hidden dense layer, and the output Linear."""
    layers = []
    n = len(spec['layers'])
    for i, l in enumerate(spec['layers']):
        if l['type'] == 'conv':
            out_c, in_c, kh, kw = l['shape']
            m = nn.Conv2d(in_c, out_c, (kh, kw), stride=l['stride'], padding=l['padding'])
        else:
            if not any(isinstance(x, nn.Flatten) for x in layers):
                layers.append(nn.Flatten())
            out_f, in_f = l['shape']
            m = nn.Linear(in_f, out_f)
        with torch.no_grad():
            m.weight.copy_(torch.tensor(l['weight'], dtype=torch.float32).reshape(m.weight.shape))
            m.bias.copy_(torch.tensor(l['bias'], dtype=torch.float32))
        layers.append(m)
        if i + 1 < n:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers).eval()


def run(model, x, y, norm, eps, attacks):
    n = x.shape[0]
    bs = a.batch_size if a.batch_size > 0 else n
    result = {'norm': norm, 'eps': eps, 'n': n, 'torch': torch.__version__, 'threads': a.threads, 'batchSize': bs, 'attacks': {}}
    with torch.no_grad():
        result['clean'] = (model(x).argmax(1) == y).int().tolist()
    for name in attacks:
        version = 'plus' if name == 'plus' else 'standard'
        adversary = AutoAttack(model, norm=norm, eps=eps, version=version, device='cpu', seed=a.seed, verbose=False)
        if name not in ('standard', 'plus'):
            adversary.attacks_to_run = name.split('+')
        t0 = time.time()
        c0 = time.process_time()
        x_adv = adversary.run_standard_evaluation(x, y, bs=bs)
        seconds = time.time() - t0
        cpu_seconds = time.process_time() - c0
        with torch.no_grad():
            robust = (model(x_adv).argmax(1) == y).int().tolist()
            delta = (x_adv - x).reshape(n, -1)
            size = (delta.abs().max(1)[0] if norm == 'Linf' else delta.abs().sum(1) if norm == 'L1' else delta.norm(dim=1)).max().item()
        result['attacks'][name] = {'robust': robust, 'seconds': seconds, 'cpuSeconds': cpu_seconds, 'maxPerturbation': size}
    return result


if a.fixture:
    fx = json.load(open(a.fixture))
    h, w = fx['image']
    x = (torch.tensor(fx['images'], dtype=torch.float32) / 255.0).reshape(-1, 1, h, w)
    y = torch.tensor(fx['labels'], dtype=torch.int64)
    model = build(fx['model'])
    if fx['model'].get('arch') == 'cnn':
        with torch.no_grad():  # the layout check of the CNN fixture's test
            fx['logits'] = model(x).tolist()
    for case in a.cases.split(','):
        norm, eps = case.split(':')
        res = run(model, x, y, norm, float(eps), a.attacks.split(','))
        old = [r for r in fx['reference'] if r['norm'] == norm and r['eps'] == float(eps)]
        if old:
            old[0]['attacks'].update(res['attacks'])
        else:
            fx['reference'].append(res)
    json.dump(fx, open(a.fixture, 'w'))
    raise SystemExit(0)

images = idx(f'{a.mnist}/t10k-images-idx3-ubyte')[a.offset:a.offset + a.n]
labels = idx(f'{a.mnist}/t10k-labels-idx1-ubyte')[a.offset:a.offset + a.n]
x = torch.tensor(images.astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)
y = torch.tensor(labels.astype(np.int64))
model = build(json.load(open(a.model)))
if a.logits:
    with torch.no_grad():
        json.dump({'logits': model(x[:a.logits]).tolist()}, open(a.out, 'w'))
    raise SystemExit(0)
json.dump(run(model, x, y, a.norm, a.eps, a.attacks.split(',')), open(a.out, 'w'))
