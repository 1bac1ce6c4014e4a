#!/usr/bin/env bash
# Side-by-side training speed: this project's `bench` against two anchors, its PyTorch 1.13 reference
# (scripts/torch_reference.py, Debian's python3-torch) and its DJL 0.36 + PyTorch 2.7.1 reference
# (scripts/djl, the JVM user's alternative today): the same models, Keras-equivalent init and loss, the same MNIST
# files, the same OPENBLAS_CORETYPE and 2 threads, on this machine. ROUNDS rounds (default 3), each running the
# three one after the other, in a rotated order (round 1: PyTorch, DJL, project; round 2: DJL, project, PyTorch;
# ...), so that drift of a shared machine spreads over all three. Writes results/bench/vs-torch-<date>/: setup.txt,
# the logs of every round, ratios.md (ranges over the rounds and the project's time over the faster anchor), and
# speed.png of the last round's project bench.
#
# Needs: the project built (mvn -B -q -DskipTests package), the DJL reference built (mvn -B -q -f scripts/djl/pom.xml
# package; SKIP_DJL=1 leaves it out), python3-torch (apt-get install -y python3-torch libopenblas0-pthread),
# MNIST_DIR pointing at the four MNIST files. Nothing else should run on the machine meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
reference="${TORCH_REFERENCE:-scripts/torch_reference.py}"
djl_jar="scripts/djl/target/djl-reference.jar"
# MODELS=lenet5,mnist-mlp,beans by default; add mnist-mlp6 (the 6-layer MLP, about 20-50 s an epoch) to time it too,
# at BATCHES (default 2048,64) or e.g. BATCHES=2048,128 for the 6-layer MLP's issue
models="${MODELS:-lenet5,mnist-mlp,beans}"
batches="${BATCHES:-2048,64}"
rounds="${ROUNDS:-3}"
: "${MNIST_DIR:?set MNIST_DIR to the folder of the four MNIST .gz files}"
export MNIST_DIR THREADS=2 OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-SkylakeX}"
[ -n "${SKIP_DJL:-}" ] || [ -f "$djl_jar" ] || { echo "build the DJL reference first: mvn -B -q -f scripts/djl/pom.xml package (or SKIP_DJL=1)" >&2; exit 2; }
out="results/bench/vs-torch-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"
  echo "OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE THREADS=$THREADS rounds=$rounds models=$models batches=$batches"
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "anchors: $(/usr/bin/python3 -c 'import torch; print("PyTorch", torch.__version__)' 2>/dev/null), DJL 0.36.0 + PyTorch 2.7.1 (scripts/djl)"
} > "$out/setup.txt"

reference_runs() { # the runs of either reference for $models at $batches: "MODEL BATCH" or "beans"
  for model in ${models//,/ }; do
    case "$model" in
      beans) echo "beans" ;;
      lenet5) for b in ${batches//,/ }; do echo "lenet $b"; done ;;
      mnist-mlp) for b in ${batches//,/ }; do echo "mlp $b"; done ;;
      mnist-mlp6) for b in ${batches//,/ }; do echo "mlp6 $b"; done ;;
      *) echo "unknown model $model" >&2; exit 2 ;;
    esac
  done
}
reference_args() { # the command-line arguments of either reference for one of reference_runs' lines
  if [ "$1" = beans ]; then echo "beans 5000"; else echo "mnist $1 $2 2 post"; fi
}
run_torch() { # round $1
  : > "$out/torch-$1.log"
  reference_runs | while read -r model batch; do
    # shellcheck disable=SC2046
    /usr/bin/python3 "$reference" $(reference_args "$model" "$batch") >> "$out/torch-$1.log" 2>&1
  done
}
run_djl() { # round $1
  [ -z "${SKIP_DJL:-}" ] || return 0
  : > "$out/djl-$1.log"
  reference_runs | while read -r model batch; do
    # shellcheck disable=SC2046
    java -jar "$djl_jar" $(reference_args "$model" "$batch") >> "$out/djl-$1.log" 2>&1
  done
}
run_project() { # round $1
  java -jar target/cnn-vs-mlp.jar bench --models "$models" --batch-sizes "$batches" --output-dir "$out/project-$1" \
    | tee "$out/project-$1.log"
}
order=(torch djl project)
for ((r = 1; r <= rounds; r++)); do
  for ((k = 0; k < 3; k++)); do
    step=${order[$(((k + r - 1) % 3))]}
    echo "round $r: $step"
    "run_$step" "$r"
  done
done
# speed.png of the last round: the project's training seconds beside both anchors
anchor_logs=(--torch-log "$out/torch-$rounds.log")
[ -n "${SKIP_DJL:-}" ] || anchor_logs+=(--djl-log "$out/djl-$rounds.log")
java -jar target/cnn-vs-mlp.jar bench --redraw "$(ls -d "$out/project-$rounds"/bench/*/ | head -n 1)" \
  "${anchor_logs[@]}"

/usr/bin/python3 - "$out" "$rounds" <<'PY'
import json, glob, sys
out, rounds = sys.argv[1], int(sys.argv[2])
names = {"lenet": "lenet5", "mlp": "mnist-mlp", "mlp6": "mnist-mlp6", "beans": "beans"}

def reference(path):
    """(model, batch) -> (train s of the last epoch, i.e. after a warm-up; peak MiB) of one log."""
    found = {}
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        return found
    for line in lines:
        if line.startswith("RESULT"):
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            key = (names[f["model"]], int(f.get("batch", 10)))
            found[key] = (float(f["train_s"]), f.get("peak_rss_mb", "-"))
    return found

rows = {}
for r in range(1, rounds + 1):
    torch, djl = reference(f"{out}/torch-{r}.log"), reference(f"{out}/djl-{r}.log")
    bench = json.load(open(glob.glob(f"{out}/project-{r}/bench/*/bench.json")[0]))
    for m in bench["measurements"]:
        key = (m["model"], m["batchSize"])
        row = rows.setdefault(key, {"torch": [], "djl": [], "project": [], "ratio": [], "peaks": {}})
        mine = m["trainSecondsPerEpoch"]
        row["project"].append(mine)
        row["peaks"]["project"] = f"{m['peakResidentMiB']:.0f}"
        anchors = []
        for name, log in (("torch", torch), ("djl", djl)):
            if key in log:
                row[name].append(log[key][0])
                row["peaks"][name] = log[key][1]
                anchors.append(log[key][0])
        if anchors:
            row["ratio"].append(mine / min(anchors))

def span(values, digits=2):
    if not values:
        return "-"
    low, high = min(values), max(values)
    return f"{low:.{digits}f}" if round(low, digits) == round(high, digits) else f"{low:.{digits}f}-{high:.{digits}f}"

table = ["| model | batch | PyTorch 1.13 s | DJL + PyTorch 2.7.1 s | project s | project / faster anchor | peak MiB (PyTorch / DJL / project) |",
         "|---|---|---|---|---|---|---|"]
for (model, batch), row in rows.items():
    peaks = " / ".join(str(row["peaks"].get(k, "-")) for k in ("torch", "djl", "project"))
    table.append(f"| {model} | {batch} | {span(row['torch'])} | {span(row['djl'])} | {span(row['project'])} | "
                 f"{span(row['ratio'])} | {peaks} |")
text = ("\n".join(table) + f"\n\nTraining seconds of one 60,000-image epoch after a warm-up epoch (beans: all 5000"
        f" epochs), ranges over {rounds} rounds; the ratio is taken within each round (below 1: the project is faster"
        " than both anchors).\n")
open(f"{out}/ratios.md", "w").write(text)
print(text)
PY
echo "written to $out"
