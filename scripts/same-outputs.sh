#!/usr/bin/env bash
# Checks that two builds of the project train the same: each jar trains the beans (300 epochs), the MNIST MLP and
# LeNet-5 (2 epochs, the post's training) and the MNIST MLP (1 epoch, the modern recipe), seed 7, on this machine;
# then the histories (losses and accuracies, not the seconds) and the parameters (and Adam's state) in model.zip are
# compared byte for byte, and config.json's settings (budget, hyperParameters, data) field for field. For
# refactorings that must change no result. Needs MNIST_DIR; about 3 minutes on 2 cores (6 beside two long runs).
#
#   MNIST_DIR=... [OLD_LABEL=...] [NEW_LABEL=...] scripts/same-outputs.sh OLD.jar NEW.jar [report-folder]
# (each jar with its lib/ beside it; the labels, e.g. the commits they were built from, go into the report)
set -euo pipefail
old=$1
new=$2
report=${3:-results/equivalence/$(date -u +%Y%m%d-%H%M%S)}
work=$(mktemp -d /tmp/same-outputs.XXXXXX)
mkdir -p "$report"
exec > >(tee "$report/report.txt") 2>&1
echo "same outputs, $(date -u +%FT%TZ), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "old: $old ${OLD_LABEL:-}"
echo "new: $new ${NEW_LABEL:-}"
runs=("beans --epochs 300" "mnist-mlp --epochs 2" "lenet5 --epochs 2" "mnist-mlp --epochs 1 --training modern")
for side in old new; do
  jar=${!side}
  for i in "${!runs[@]}"; do
    # shellcheck disable=SC2086
    java -jar "$jar" ${runs[$i]} --seed 7 --no-progress --output-dir "$work/$side/$i" > "$work/$side-$i.log" 2>&1
  done
done
status=0
for i in "${!runs[@]}"; do
  a=$(find "$work/old/$i" -name history.csv)
  b=$(find "$work/new/$i" -name history.csv)
  if diff <(cut -d, -f1-5 "$a") <(cut -d, -f1-5 "$b") > /dev/null; then h="histories identical"; else h="histories DIFFER"; status=1; fi
  p=$(python3 - "$(dirname "$a")/model.zip" "$(dirname "$b")/model.zip" <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:])
names = [n for n in a.namelist() if n.endswith('.bin')]
print(', '.join(n + (' equal' if a.read(n) == b.read(n) else ' DIFFER') for n in names))
PY
)
  c=$(python3 - "$(dirname "$a")/config.json" "$(dirname "$b")/config.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
same = [k for k in ('experiment', 'model', 'parameters', 'budget', 'hyperParameters', 'seed', 'data', 'dataSha256')
        if a.get(k) == b.get(k)]
print('config.json ' + ('same' if len(same) == 8 else 'DIFFERS in ' + ', '.join(sorted(set(a) - set(same)))))
PY
)
  echo "${runs[$i]} --seed 7: $h; $c; $p"
  case "$c" in *DIFFERS*) status=1 ;; esac
  case "$p" in *DIFFER*) status=1 ;; esac
done
[ "$status" = 0 ] && echo "OK: the same results, bit for bit" || echo "DIFFERENT results"
rm -rf "$work"
exit "$status"
