#!/usr/bin/python3
"""This project's PyTorch reference: the same four models, trained as the project trains them, for the
side-by-side speed benchmark (scripts/bench-vs-torch.sh) and the learning-dynamics check
(scripts/fidelity-vs-torch.sh).

  torch_reference.py mnist MODEL BATCH EPOCHS [post|modern]     MODEL: mlp, lenet or mlp6
  torch_reference.py beans EPOCHS

Models (../shared/SPEC.md): the MLP 784-256-256-256-10; LeNet-5 (conv 6@5x5 valid, relu, avg-pool 2, conv 16@5x5,
relu, avg-pool 2, dense 120, 84, 10); the 6-layer MLP 784-2500-2000-1500-1000-500-10 of LeCun's table (relu, as
the project builds it); the beans' 2-8-8-8-1. As Keras builds them: glorot-uniform kernels (xavier_uniform_, the
same fan-in and fan-out for a convolution), zero biases, softmax (sigmoid for the beans) outputs.

Recipes: post = mean squared error on the softmax, plain SGD 0.05 (the post's); modern = categorical cross-entropy
(on log-softmax) with Adam as Keras computes it (lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7 added to
sqrt(v) before the bias correction of the step, not to sqrt(v_hat) as torch.optim.Adam does). Every epoch draws a
new order of the training set; the last partial batch is kept. Data: the four MNIST files of MNIST_DIR, pixels
divided by 255.

Prints one line per epoch, read by the project's `bench --torch-log` and `fidelity-plot`:
  RESULT fw=torch model=M batch=B opt=post epoch=E train_s=... eval_s=... test_acc=... loss=... peak_rss_mb=...

Environment: MNIST_DIR (required for mnist), THREADS (default 2), SEED (default 42).
Setup: apt-get install -y python3-torch libopenblas0-pthread  (Debian 12: PyTorch 1.13)."""
import gzip
import math
import os
import resource
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(int(os.environ.get("THREADS", "2")))
SEED = int(os.environ.get("SEED", "42"))
torch.manual_seed(SEED)


def read_idx(path):
    """An IDX file of MNIST: images (n, 784) as uint8, or labels (n,)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = int.from_bytes(data[0:4], "big"), int.from_bytes(data[4:8], "big")
    if magic == 0x803:
        rows, columns = int.from_bytes(data[8:12], "big"), int.from_bytes(data[12:16], "big")
        return np.frombuffer(data, np.uint8, offset=16).reshape(count, rows * columns)
    if magic == 0x801:
        return np.frombuffer(data, np.uint8, offset=8)
    sys.exit(f"{path}: not an MNIST IDX file (magic {magic:#x})")


def mnist_split(folder, prefix):
    images = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz"))
    return torch.from_numpy(images.astype(np.float32) / 255.0), torch.from_numpy(labels.astype(np.int64))


def keras_initialised(model):
    for layer in model.modules():
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return model


def dense_stack(sizes):
    """Dense layers of the given sizes, relu between them; the last one's output are logits."""
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def build(name):
    if name == "mlp":
        return dense_stack([784, 256, 256, 256, 10])
    if name == "mlp6":
        return dense_stack([784, 2500, 2000, 1500, 1000, 500, 10])
    if name == "lenet":
        return nn.Sequential(nn.Unflatten(1, (1, 28, 28)),
                             nn.Conv2d(1, 6, 5), nn.ReLU(), nn.AvgPool2d(2),
                             nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                             nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    sys.exit(f"unknown model '{name}': mlp, lenet or mlp6")


class KerasAdam(torch.optim.Optimizer):
    """Adam as Keras 2 steps it: p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + epsilon)."""

    def __init__(self, params, lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        super().__init__(params, dict(lr=lr, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            b1, b2 = group["beta_1"], group["beta_2"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t = state["t"]
                state["m"].mul_(b1).add_(p.grad, alpha=1 - b1)
                state["v"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                rate = group["lr"] * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                p.addcdiv_(state["m"], state["v"].sqrt().add_(group["epsilon"]), value=-rate)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def train_mnist(model_name, batch, epochs, recipe):
    folder = os.environ.get("MNIST_DIR")
    if not folder:
        sys.exit("set MNIST_DIR to the folder of the four MNIST .gz files")
    x_train, y_train = mnist_split(folder, "train")
    x_test, y_test = mnist_split(folder, "t10k")
    model = keras_initialised(build(model_name))
    print(f"model={model_name} params={sum(p.numel() for p in model.parameters())} batch={batch} recipe={recipe}"
          f" seed={SEED} threads={torch.get_num_threads()}", flush=True)
    if recipe == "post":
        optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
        one_hot = F.one_hot(y_train, 10).float()
        def loss_of(logits, rows):
            return F.mse_loss(torch.softmax(logits, 1), one_hot[rows])
    elif recipe == "modern":
        optimizer = KerasAdam(model.parameters())
        def loss_of(logits, rows):
            return F.cross_entropy(logits, y_train[rows])
    else:
        sys.exit(f"unknown recipe '{recipe}': post or modern")
    n = x_train.shape[0]
    for epoch in range(1, epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(n)
        for first in range(0, n, batch):
            rows = order[first:first + batch]
            loss = loss_of(model(x_train[rows]), rows)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        train_s = time.perf_counter() - start
        model.eval()
        start = time.perf_counter()
        correct = 0
        with torch.no_grad():
            for first in range(0, x_test.shape[0], 2048):
                predicted = model(x_test[first:first + 2048]).argmax(1)
                correct += (predicted == y_test[first:first + 2048]).sum().item()
        eval_s = time.perf_counter() - start
        print(f"RESULT fw=torch model={model_name} batch={batch} opt={recipe} epoch={epoch} train_s={train_s:.3f}"
              f" eval_s={eval_s:.3f} test_acc={correct / x_test.shape[0]:.4f} loss={loss.item():.5f}"
              f" peak_rss_mb={peak_rss_mb():.0f}", flush=True)


def beans_points(count, generator):
    """The post's two spirals (SPEC.md): count // 2 points per class, noise uniform in [-0.1, 0.1]."""
    xs, labels = [], []
    half = count // 2
    for offset, label in ((0.0, 1.0), (math.pi, 0.0)):
        for i in range(half):
            radius = i / half * 5
            angle = 1.75 * i / half * 2 * math.pi + offset
            xs.append([radius * math.sin(angle) + generator.uniform(-0.1, 0.1),
                       radius * math.cos(angle) + generator.uniform(-0.1, 0.1)])
            labels.append([label])
    return torch.tensor(xs, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32)


def train_beans(epochs):
    x, y = beans_points(100, np.random.default_rng(SEED))
    model = keras_initialised(nn.Sequential(dense_stack([2, 8, 8, 8, 1]), nn.Sigmoid()))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(100)
        for first in range(0, 100, 10):
            rows = order[first:first + 10]
            loss = F.mse_loss(model(x[rows]), y[rows])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    train_s = time.perf_counter() - start
    with torch.no_grad():
        correct = int(((model(x) > 0.5).float() == y).sum().item())
    print(f"RESULT fw=torch model=beans epochs={epochs} train_s={train_s:.3f} correct={correct}/100"
          f" acc={correct / 100:.2f} peak_rss_mb={peak_rss_mb():.0f}", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    print("torch", torch.__version__, flush=True)
    if len(args) >= 4 and args[0] == "mnist":
        train_mnist(args[1], int(args[2]), int(args[3]), args[4] if len(args) > 4 else "post")
    elif len(args) == 2 and args[0] == "beans":
        train_beans(int(args[1]))
    else:
        sys.exit(__doc__.split("\n\n")[1])
