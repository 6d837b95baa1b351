"""Writes training_step.json: one network's training steps computed with NumPy in float64,
independently of the Swift code, for TrainingStepFixtureTests.

Network: Linear(4 -> 6), ReLU, Linear(6 -> 2); loss: mean squared error over all elements.
Weights are stored input-major (y = x @ W + b), as NeuralNet's Linear holds them.
Optimizers follow torch.optim.SGD (momentum, dampening 0, L2 weight decay in the gradient,
velocity starting at the first gradient) and torch.optim.Adam (L2 weight decay in the gradient).

Run: python3 make_fixture.py  (NumPy only; writes next to this script)
"""
import json
import os

import numpy as np

rng = np.random.RandomState(2021)
x = rng.uniform(-1, 1, (5, 4))
y = rng.uniform(-1, 1, (5, 2))
initial = {
    "w1": rng.uniform(-0.8, 0.8, (4, 6)),
    "b1": rng.uniform(-0.1, 0.1, 6),
    "w2": rng.uniform(-0.8, 0.8, (6, 2)),
    "b2": rng.uniform(-0.1, 0.1, 2),
}
ORDER = ["w1", "b1", "w2", "b2"]
STEPS = 3


def forward_backward(p):
    """The output, the loss and every parameter's gradient for the batch (x, y)."""
    h = x @ p["w1"] + p["b1"]
    r = np.maximum(h, 0)
    out = r @ p["w2"] + p["b2"]
    loss = np.mean((out - y) ** 2)
    d_out = 2 * (out - y) / out.size
    grads = {"w2": r.T @ d_out, "b2": d_out.sum(axis=0)}
    d_r = d_out @ p["w2"].T
    d_h = d_r * (h > 0)
    grads["w1"] = x.T @ d_h
    grads["b1"] = d_h.sum(axis=0)
    return out, loss, grads


def sgd(lr, momentum, weight_decay):
    p = {k: v.copy() for k, v in initial.items()}
    velocity = {}
    steps = []
    for _ in range(STEPS):
        _, loss, grads = forward_backward(p)
        for k in ORDER:
            g = grads[k] + weight_decay * p[k]
            velocity[k] = g if k not in velocity else momentum * velocity[k] + g
            p[k] = p[k] - lr * velocity[k]
        steps.append({"loss": loss, "parameters": flat(p)})
    return steps


def adam(lr, beta1, beta2, eps, weight_decay):
    p = {k: v.copy() for k, v in initial.items()}
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(val) for k, val in p.items()}
    steps = []
    for t in range(1, STEPS + 1):
        _, loss, grads = forward_backward(p)
        for k in ORDER:
            g = grads[k] + weight_decay * p[k]
            m[k] = beta1 * m[k] + (1 - beta1) * g
            v[k] = beta2 * v[k] + (1 - beta2) * g * g
            m_hat = m[k] / (1 - beta1 ** t)
            v_hat = v[k] / (1 - beta2 ** t)
            p[k] = p[k] - lr * m_hat / (np.sqrt(v_hat) + eps)
        steps.append({"loss": loss, "parameters": flat(p)})
    return steps


def flat(p):
    return {k: p[k].ravel().tolist() for k in ORDER}


output, loss, gradients = forward_backward(initial)
fixture = {
    "input": x.tolist(),
    "target": y.tolist(),
    "initial": flat(initial),
    "output": output.tolist(),
    "loss": loss,
    "gradients": flat(gradients),
    "sgd": {"lr": 0.1, "momentum": 0.9, "weightDecay": 0.01, "steps": sgd(0.1, 0.9, 0.01)},
    "adam": {
        "lr": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.01,
        "steps": adam(0.01, 0.9, 0.999, 1e-8, 0.01),
    },
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "training_step.json")
with open(path, "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
