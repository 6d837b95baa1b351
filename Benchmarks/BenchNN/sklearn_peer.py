"""scikit-learn's MLPRegressor on the paper's configuration, the yardstick of training from Lua.

The same data as paper_fit.lua and BenchNN (1000 samples, windows of 60 -> the next value), one hidden
layer of 64 ReLU units, Adam lr 1e-3, batch 32, 200 epochs with shuffling, 10% held out and scored
after every epoch (early_stopping with a patience of 200 epochs, so it never stops early). No L2
penalty (alpha 0). scikit-learn has no dropout. Prints the seconds `fit` took.

usage: sklearn_peer.py
"""
import math
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

SAMPLES, WINDOW = 1000, 60
raw = [t + 40 * math.sin(t / 50) + 10 * math.sin(t / 7) for t in range(SAMPLES)]
low, high = min(raw), max(raw)
values = np.array([(v - low) / (high - low) for v in raw])
X = np.stack([values[s:s + WINDOW] for s in range(SAMPLES - WINDOW)])
Y = values[WINDOW:]
model = MLPRegressor(hidden_layer_sizes=(64,), activation="relu", solver="adam", alpha=0.0, batch_size=32,
                     learning_rate_init=1e-3, max_iter=200, shuffle=True, random_state=1, early_stopping=True,
                     validation_fraction=0.1, n_iter_no_change=200, tol=0.0)
started = time.process_time()
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    model.fit(X, Y)
print(f"fit {time.process_time() - started:.3f} s, {model.n_iter_} epochs, best validation R2 {model.best_validation_score_:.6f}")
