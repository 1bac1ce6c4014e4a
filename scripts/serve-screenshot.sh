#!/usr/bin/env bash
# The draw-a-digit page as a reader sees it: starts `cnn-vs-mlp serve` on a free port with the newest finished
# MNIST runs in results/, has Debian's headless Chromium paint MNIST test image $INDEX onto the page's canvas (10x,
# as if drawn) and screenshot the answer, and writes results/serve/<date>/page.png with setup.txt.
#
# Needs: the project built (mvn -B -q -DskipTests package), chromium (apt-get install -y chromium), MNIST_DIR
# pointing at the four MNIST .gz files. INDEX (default 8) picks the test image.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${MNIST_DIR:?set MNIST_DIR to the folder of the four MNIST .gz files}"
index="${INDEX:-8}"
out="results/serve/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
log="$out/serve.log"
java -jar target/cnn-vs-mlp.jar serve --port 0 > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "serving the draw-a-digit page at" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
address=$(grep -o "http://[^ ]*" "$log" | head -1)
hex=$(/usr/bin/python3 - "$MNIST_DIR/t10k-images-idx3-ubyte.gz" "$index" <<'PY'
import gzip, sys
data = gzip.open(sys.argv[1]).read()
i = int(sys.argv[2])
print(data[16 + 784 * i:16 + 784 * (i + 1)].hex())
PY
)
label=$(/usr/bin/python3 -c "import gzip,sys; print(gzip.open(sys.argv[1]).read()[8 + int(sys.argv[2])])" \
  "$MNIST_DIR/t10k-labels-idx1-ubyte.gz" "$index")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$(mktemp -d)" \
  --window-size=1280,460 --virtual-time-budget=15000 --screenshot="$PWD/$out/page.png" "$address#image=$hex" \
  2>/dev/null
{
  echo "command: scripts/serve-screenshot.sh (INDEX=$index: MNIST test image $index, label $label, painted at 10x)"
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "browser: $(chromium --version 2>/dev/null)"
  grep -v "^serving" "$log"
} > "$out/setup.txt"
echo "written to $out"
