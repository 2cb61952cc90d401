#!/usr/bin/env python3
"""How far float32 arithmetic lands from each golden case (float64 values from the seed's formulas).

The seed's step in numpy, each step started from the golden parameters as the Java tests do; prints the largest
absolute error per case and the quantities above the 1e-4 bound allowed for float32.
  all float32 (default):  every array in float32.
  --hidden-only:          W1, b1, X, Z1, A1, dZ1, dW1 and db1 in float32; the output layer (W2, b2, Z2), softmax,
                          loss and their gradients in float64 — the mixed form a faster network could take.
Usage: python3 bench/golden_float32.py [--hidden-only] [GOLDEN_DIR]   (default: ../shared/golden)
"""
import glob, json, sys
import numpy as np

args = sys.argv[1:]
hidden_only = '--hidden-only' in args
args = [a for a in args if a != '--hidden-only']
directory = args[0] if args else '../shared/golden'
files = sorted(glob.glob(directory + '/*.json'))
if not files:
    sys.exit(f'no golden cases (*.json) in {directory}')
h_dt = np.float32                                     # the hidden layer's type
o_dt = np.float64 if hidden_only else np.float32      # the output layer's, softmax's and the loss's


def parameters(source):
    W1, b1 = (np.array(source[k], dtype=h_dt) for k in ('W1', 'b1'))
    W2, b2 = (np.array(source[k], dtype=o_dt) for k in ('W2', 'b2'))
    return W1, b1.reshape(-1, 1), W2, b2.reshape(-1, 1)


for f in files:
    d = json.load(open(f)); a = d['learningRate']
    W1, b1, W2, b2 = parameters(d['initial'])
    worst = {}
    for st in d['steps']:
        X = (np.array(st['pixels'], dtype=h_dt) / h_dt(255.0)).T
        Y = np.array(st['labels']); m = X.shape[1]
        Z1 = W1 @ X + b1; A1 = np.maximum(Z1, 0); Z2 = W2 @ A1.astype(o_dt) + b2
        Zs = Z2 - Z2.max(axis=0, keepdims=True); E = np.exp(Zs); A2 = E / E.sum(axis=0, keepdims=True)
        loss = float(np.mean(np.log(E.sum(axis=0)) - Zs[Y, np.arange(m)]))
        OH = np.zeros((10, m), o_dt); OH[Y, np.arange(m)] = 1
        dZ2 = (A2 - OH) / m; dW2 = dZ2 @ A1.T.astype(o_dt); db2 = dZ2.sum(axis=1, keepdims=True)
        dZ1 = ((W2.T @ dZ2) * (Z1 > 0)).astype(h_dt); dW1 = dZ1 @ X.T; db1 = dZ1.sum(axis=1, keepdims=True)
        got = {'A2': A2.T, 'loss': loss, 'dW1': dW1, 'db1': db1.ravel(), 'dW2': dW2, 'db2': db2.ravel()}
        W1 = W1 - h_dt(a) * dW1; b1 = b1 - h_dt(a) * db1; W2 = W2 - o_dt(a) * dW2; b2 = b2 - o_dt(a) * db2
        got.update({'W1 after': W1, 'b1 after': b1.ravel(), 'W2 after': W2, 'b2 after': b2.ravel()})
        exp = dict(st); exp.update({k + ' after': st['after'][k] for k in ('W1', 'b1', 'W2', 'b2')})
        for k, v in got.items():
            e = np.abs(np.asarray(v, dtype=np.float64) - np.array(exp[k], dtype=np.float64)).max()
            worst[k] = max(worst.get(k, 0), e)
        # next step from the golden parameters, as the tests do
        W1, b1, W2, b2 = parameters(st['after'])
    bad = {k: f'{v:.2e}' for k, v in worst.items() if v > 1e-4}
    print(f.split('/')[-1] + ':', 'max error', f'{max(worst.values()):.2e}', 'over 1e-4:', bad or 'none')
