#!/usr/bin/env bash
# A second opinion on the learning dynamics (docs/fidelity.md): the exact configuration of both MNIST models
# (MSE on softmax, plain SGD 0.05, batch 2048, Keras init), trained for 50 epochs over 5 seeds by PyTorch
# (scripts/torch_reference.py) and by this project (`compare`), then both families of test-accuracy curves on
# one chart, and Welch's test of the seed means at every epoch: it fails when any epoch differs (5 % over the curve).
#
#   MNIST_DIR=/path/to/mnist scripts/fidelity-vs-torch.sh [folder]        (default: results/fidelity)
#
# TRAINING=modern compares the usual recipe instead (cross-entropy, Adam at Keras' defaults, batch 128; PyTorch's
# modern mode), into results/fidelity-modern by default, with EPOCHS 20 and SEEDS 5 unless given.
#
# ANCHOR=djl trains the other anchor instead of PyTorch 1.13: the DJL 0.36 + PyTorch 2.7.1 reference of the speed
# bench (scripts/djl; build it first: mvn -B -q -f scripts/djl/pom.xml package), into results/fidelity-djl or
# results/fidelity-djl-modern by default: the check that its curves are the project's, so that its times compare.
#
# Environment: EPOCHS (50), SEED (first seed, 42), SEEDS (how many, 5; the test needs 5), THREADS (of the anchor, 2;
# 1 beside other work: a busy machine slows a 2-thread PyTorch many times over), RESULTS (where the project's runs go and
# are reused from: results), TORCH_PYTHON (/usr/bin/python3, Debian's, with python3-torch installed:
# apt-get install -y python3-torch libopenblas0-pthread), TORCH_REFERENCE (scripts/torch_reference.py).
# Resumable: PyTorch logs that are complete and finished project runs are reused, so an interrupted run
# continues where it stopped. Exit 1 when the check finds a difference.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${MNIST_DIR:?set MNIST_DIR to the folder holding the four MNIST files}"
training=${TRAINING:-post}
anchor=${ANCHOR:-torch}
case "$anchor" in
  torch) suffix="" ;;
  djl) suffix="-djl"; [ -f scripts/djl/target/djl-reference.jar ] \
    || { echo "build the DJL reference first: mvn -B -q -f scripts/djl/pom.xml package" >&2; exit 2; } ;;
  *) echo "ANCHOR must be torch or djl, got '$anchor'" >&2; exit 2 ;;
esac
if [ "$training" = modern ]; then
  out=${1:-results/fidelity$suffix-modern}; epochs=${EPOCHS:-20}; count=${SEEDS:-5}; batch=128; mode=modern
else
  out=${1:-results/fidelity$suffix}; epochs=${EPOCHS:-50}; count=${SEEDS:-5}; batch=2048; mode=post
fi
first=${SEED:-42}
results=${RESULTS:-results}
torch=${TORCH_PYTHON:-/usr/bin/python3}
reference=${TORCH_REFERENCE:-scripts/torch_reference.py}
mkdir -p "$out"
echo "fidelity run, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "$training training, batch $batch, $epochs epochs, seeds $first..$((first + count - 1)), anchor $anchor," \
  "$anchor threads ${THREADS:-2}" \
  | tee -a "$out/setup.txt"

for model in mlp lenet; do
  for ((seed = first; seed < first + count; seed++)); do
    log="$out/$anchor-$model-seed$seed.log"
    if [ -f "$log" ] && [ "$(grep -c '^RESULT' "$log")" -ge "$epochs" ]; then
      echo "reusing $log"
      continue
    fi
    echo "$anchor $model seed $seed ..."
    if [ "$anchor" = djl ]; then
      SEED=$seed THREADS=${THREADS:-2} MNIST_DIR="$MNIST_DIR" java -jar scripts/djl/target/djl-reference.jar mnist "$model" \
        "$batch" "$epochs" "$mode" > "$log.tmp" 2>&1
    else
      SEED=$seed THREADS=${THREADS:-2} MNIST_DIR="$MNIST_DIR" "$torch" "$reference" mnist "$model" "$batch" "$epochs" "$mode" \
        > "$log.tmp"
    fi
    mv "$log.tmp" "$log"
  done
done

[ -f target/cnn-vs-mlp.jar ] || mvn -B -q -DskipTests package
java -jar target/cnn-vs-mlp.jar compare --training "$training" --epochs "$epochs" --seed "$first" --seeds "$count" \
  --output-dir "$results" --data-dir "$MNIST_DIR" --no-progress
java -jar target/cnn-vs-mlp.jar fidelity-plot --training "$training" --torch-logs "$out" --output-dir "$results" \
  --epochs "$epochs" --seed "$first" --seeds "$count" --anchor "$anchor"
