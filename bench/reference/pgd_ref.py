#!/usr/bin/python3
"""Reference (PyTorch CPU) for bench/pgd.mjs: PGD adversarial training throughput, the same model and
schedule as advkit's run. Follows Kolter & Madry's tutorial, chapter 4: PGD L-inf (sign steps, clamp
to the eps ball), here also clamped to the [0,1] pixel box as advkit's projection onto ball ∩ box,
no random start; SGD, batch 100, cross-entropy on logits.
usage: pgd_ref.py MNIST_DIR [--model mlp|cnn] [--n N] [--steps S] [--eps E] [--alpha A] [--threads T] [--json]
Prints examples per second of training (attack steps included), after one warm-up batch."""
import argparse, json, time, numpy as np, torch, torch.nn as nn, torch.optim as optim
p = argparse.ArgumentParser(); p.add_argument('dir'); p.add_argument('--model', default='mlp')
p.add_argument('--n', type=int, default=2000); p.add_argument('--steps', type=int, default=20)
p.add_argument('--eps', type=float, default=0.1); p.add_argument('--alpha', type=float, default=0.01)
p.add_argument('--threads', type=int, default=2); p.add_argument('--json', action='store_true')
a = p.parse_args(); torch.manual_seed(0); torch.set_num_threads(a.threads)
y = np.frombuffer(open(f'{a.dir}/train-labels-idx1-ubyte', 'rb').read(), dtype=np.uint8, offset=8)
X = np.frombuffer(open(f'{a.dir}/train-images-idx3-ubyte', 'rb').read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
X = torch.tensor(X[:a.n + 100] / 255., dtype=torch.float32); Y = torch.tensor(y[:a.n + 100].astype(np.int64))
class Flatten(nn.Module):
    def forward(self, x): return x.view(x.shape[0], -1)
if a.model == 'mlp':
    model = nn.Sequential(Flatten(), nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))
else:  # the tutorial's CNN
    model = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1, stride=2), nn.ReLU(),
                          nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1, stride=2), nn.ReLU(),
                          Flatten(), nn.Linear(7 * 7 * 64, 100), nn.ReLU(), nn.Linear(100, 10))
opt = optim.SGD(model.parameters(), lr=0.1)
def pgd(x, y):
    delta = torch.zeros_like(x, requires_grad=True)
    for _ in range(a.steps):
        loss = nn.CrossEntropyLoss()(model(x + delta), y)
        loss.backward()
        d = (delta + a.alpha * delta.grad.detach().sign()).clamp(-a.eps, a.eps)
        delta.data = (x + d).clamp(0, 1) - x  # projection onto ball ∩ box (L-inf: a box ∩ a box)
        delta.grad.zero_()
    return delta.detach()
def train_batch(x, y):
    d = pgd(x, y)
    loss = nn.CrossEntropyLoss()(model(x + d), y)
    opt.zero_grad(); loss.backward(); opt.step()
    return loss.item()
train_batch(X[a.n:a.n + 100], Y[a.n:a.n + 100])  # warm-up batch (not timed)
t = time.perf_counter()
for i in range(0, a.n, 100): train_batch(X[i:i + 100], Y[i:i + 100])
s = time.perf_counter() - t
r = {'model': a.model, 'n': a.n, 'steps': a.steps, 'threads': torch.get_num_threads(), 'seconds': s, 'examples_per_s': a.n / s, 'torch': torch.__version__}
print(json.dumps(r) if a.json else f"{a.model}: {a.n} examples, PGD-{a.steps} training, {s:.2f} s, {a.n / s:.1f} examples/s")
