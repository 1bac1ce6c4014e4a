#!/usr/bin/env bash
# The GPU check: builds the CUDA profile, reports the device, trains the beans and a few epochs of both MNIST
# models on the GPU, compares their losses with a CPU run of the same seed, measures seconds per epoch at batch
# 2048 and 64, and estimates the post's full 5000-epoch reproduction. Everything goes into one folder.
#
#   MNIST_DIR=/path/to/mnist scripts/gpu-check.sh [report-folder]     (default: results/gpu/<UTC date-time>)
#
# Environment:
#   CUDA_PROFILES  Maven profiles of the GPU build (default "cuda"; "cuda,cuda-redist" downloads CUDA 11.6 and
#                  cuDNN 8.3 inside a jar, for machines with only an NVIDIA driver)
#   EPOCHS         MNIST epochs to compare (default 3)     BEANS_EPOCHS  beans epochs to compare (default 200)
#   TOLERANCE      largest relative difference of a loss, GPU against CPU (default 1e-3: float32 sums in another
#                  order, cuBLAS against OpenBLAS; the initial parameters come from the same seed)
#   SEED           (default 1)
# Needs: Java 17, Maven, an NVIDIA driver for CUDA 11.6 (Linux >= 510.39), and Maven Central or a ~/.m2
# that already holds the CUDA artifacts (about 1.2 GB; 3 GB with cuda-redist). Leaves target/ with the CUDA
# build: `mvn -B -q -DskipTests package` brings back the CPU one. Budget: about 5 minutes on a 16-core machine
# with a recent GPU, after the downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

report=${1:-results/gpu/$(date -u +%Y%m%d-%H%M%S)}
profiles=${CUDA_PROFILES:-cuda}
epochs=${EPOCHS:-3}
beans_epochs=${BEANS_EPOCHS:-200}
tolerance=${TOLERANCE:-1e-3}
seed=${SEED:-1}
mkdir -p "$report"
exec > >(tee -a "$report/gpu-check.log") 2>&1
echo "GPU check, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), profiles $profiles"

if command -v nvidia-smi >/dev/null; then
  nvidia-smi | tee "$report/nvidia-smi.txt"
else
  echo "warning: nvidia-smi not found; the device report below comes from ND4J alone"
fi

train_all() { # $1: cpu or gpu
  local out="$report/$1"
  java -jar target/cnn-vs-mlp.jar beans --epochs "$beans_epochs" --seed "$seed" --no-progress --output-dir "$out"
  java -jar target/cnn-vs-mlp.jar mnist-mlp --epochs "$epochs" --seed "$seed" --no-progress --output-dir "$out"
  java -jar target/cnn-vs-mlp.jar lenet5 --epochs "$epochs" --seed "$seed" --no-progress --output-dir "$out"
}

echo; echo "== 1. CPU reference (default build) =="
mvn -B -q -DskipTests package
train_all cpu

echo; echo "== 2. GPU (-P$profiles) =="
mvn -B -q -P"$profiles" -DskipTests package
train_all gpu

echo; echo "== 3. GPU against CPU, same seed =="
compare() { # $1: experiment id; prints one Markdown row
  local cpu gpu
  cpu=$(ls -d "$report"/cpu/"$1"/*/ | tail -1)
  gpu=$(ls -d "$report"/gpu/"$1"/*/ | tail -1)
  # history.csv: epoch,train_loss,train_accuracy,eval_loss,eval_accuracy,... (MNIST: eval = the test images)
  awk -F, -v tol="$tolerance" -v id="$1" '
    FNR == 1 { next }
    NR == FNR { train[$1] = $2; test[$1] = $4; n = $1; next }
    ($1 in train) {
      for (k = 0; k < 2; k++) {
        c = (k == 0) ? train[$1] : test[$1]; g = (k == 0) ? $2 : $4
        d = c - g; if (d < 0) d = -d; m = (c < 0 ? -c : c); r = d / m
        if (r > worst) { worst = r; where = "epoch " $1 (k == 0 ? " train" : " test") }
      }
      last = $1; cl = test[$1]; gl = $4
    }
    END {
      verdict = (worst <= tol) ? "agree" : "DIFFER"
      printf "| %s | %d | %.6f | %.6f | %.2e (%s) | %s |\n", id, last, cl, gl, worst, where, verdict
    }' "$cpu/history.csv" "$gpu/history.csv"
}
{
  echo "| model | epochs | CPU test loss | GPU test loss | largest relative difference | within $tolerance |"
  echo "|---|---|---|---|---|---|"
  compare beans
  compare mnist-mlp
  compare lenet5
} | tee "$report/comparison.md"

echo; echo "== 4. speed on the GPU =="
java -jar target/cnn-vs-mlp.jar bench --models lenet5,mnist-mlp,beans --batch-sizes 2048,64 \
  --beans-epochs 100 --output-dir "$report"

device=$(grep -ho '"devices" *: *"[^"]*"' "$report"/gpu/lenet5/*/config.json | head -1 | sed 's/.*: *"//; s/"$//')
cuda=$(grep -ho '"cuda\(Runtime\|Driver\)" *: *"[^"]*"\|"cudnn" *: *"[^"]*"' "$report"/gpu/lenet5/*/config.json \
  | tr -d '"' | tr '\n' ' ')
{
  echo "# GPU check"
  echo
  echo "\`scripts/gpu-check.sh\` ($profiles), $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  echo "Device: ${device:-not reported}; ${cuda}"
  echo
  echo "## GPU against CPU (seed $seed)"
  echo
  cat "$report/comparison.md"
  echo
  echo "## Speed on the GPU"
  echo
  sed -n '/^| model/,$p' "$report"/bench/*/bench.md
} > "$report/README.md"
echo; echo "report: $report/README.md"
if grep -q DIFFER "$report/comparison.md"; then
  echo "error: GPU and CPU losses differ by more than $tolerance (see $report/comparison.md)"
  exit 1
fi
