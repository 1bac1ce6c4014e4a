#!/usr/bin/env bash
# Side-by-side training speed: this project's `bench` and its PyTorch reference (scripts/torch_reference.py:
# the same models, Keras-equivalent init and loss, the same MNIST files), one after the
# other on this machine, the same OPENBLAS_CORETYPE and 2 threads. Writes results/bench/vs-torch-<date>/ (ratios.md,
# and speed.png in its project/bench/<id>/: the training seconds side by side).
#
# Needs: the project built (mvn -B -q -DskipTests package), Debian's python3-torch (apt-get install -y
# python3-torch libopenblas0-pthread), MNIST_DIR pointing at the four MNIST files.
set -euo pipefail
cd "$(dirname "$0")/.."
reference="${TORCH_REFERENCE:-scripts/torch_reference.py}"
# MODELS=lenet5,mnist-mlp,beans by default; add mnist-mlp6 (the 6-layer MLP, about 20-50 s an epoch) to time it too,
# at BATCHES (default 2048,64) or e.g. BATCHES=2048,128 for the 6-layer MLP's issue
models="${MODELS:-lenet5,mnist-mlp,beans}"
batches="${BATCHES:-2048,64}"
: "${MNIST_DIR:?set MNIST_DIR to the folder of the four MNIST .gz files}"
export MNIST_DIR THREADS=2 OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-SkylakeX}"
out="results/bench/vs-torch-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
  echo "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE THREADS=$THREADS"
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
} > "$out/setup.txt"

torch_log="$out/torch.log"
: > "$torch_log"
for model in ${models//,/ }; do
  case "$model" in
    beans) runs=("beans 5000") ;;
    lenet5) runs=(); for b in ${batches//,/ }; do runs+=("mnist lenet $b 2"); done ;;
    mnist-mlp) runs=(); for b in ${batches//,/ }; do runs+=("mnist mlp $b 2"); done ;;
    mnist-mlp6) runs=(); for b in ${batches//,/ }; do runs+=("mnist mlp6 $b 2"); done ;;
    *) echo "unknown model $model" >&2; exit 2 ;;
  esac
  for run in "${runs[@]}"; do
    echo "torch: $run"
    /usr/bin/python3 "$reference" $run >> "$torch_log" 2>&1
  done
done

java -jar target/cnn-vs-mlp.jar bench --models "$models" --batch-sizes "$batches" --output-dir "$out/project" \
  --torch-log "$torch_log" | tee "$out/project.log"

/usr/bin/python3 - "$out" <<'PY'
import json, glob, re, sys
out = sys.argv[1]
torch = {}
for line in open(f"{out}/torch.log"):
    if not line.startswith("RESULT"):
        continue
    f = dict(kv.split("=", 1) for kv in line.split()[1:])
    if f["model"] == "beans":
        torch[("beans", 10)] = (float(f["train_s"]), None, f.get("peak_rss_mb", "-"))
    else:
        key = ({"lenet": "lenet5", "mlp": "mnist-mlp", "mlp6": "mnist-mlp6"}[f["model"]], int(f["batch"]))
        torch[key] = (float(f["train_s"]), float(f["eval_s"]), f.get("peak_rss_mb", "-"))  # the last epoch wins
bench = json.load(open(glob.glob(f"{out}/project/bench/*/bench.json")[0]))
rows = ["| model | batch | PyTorch train s | project train s | ratio | PyTorch eval s | project eval s | ratio | PyTorch peak MiB | project peak MiB |",
        "|---|---|---|---|---|---|---|---|---|---|"]
for m in bench["measurements"]:
    t_train, t_eval, t_peak = torch.get((m["model"], m["batchSize"]), (None, None, "-"))
    ratio = f"{m['trainSecondsPerEpoch'] / t_train:.2f}" if t_train else "-"
    eval_ratio = f"{m['evalSeconds'] / t_eval:.2f}" if t_eval else "-"
    rows.append(f"| {m['model']} | {m['batchSize']} | {t_train if t_train else '-'} | {m['trainSecondsPerEpoch']:.2f} | {ratio} | "
                f"{t_eval if t_eval else '-'} | {m['evalSeconds']:.2f} | {eval_ratio} | {t_peak} | {m['peakResidentMiB']:.0f} |")
text = "\n".join(rows) + "\n\nratio = project time / PyTorch time (below 1: the project is faster). Train s: one 60,000-image epoch" \
       " after a warm-up epoch (beans: all 5000 epochs).\n"
open(f"{out}/ratios.md", "w").write(text)
print(text)
PY
echo "written to $out"
