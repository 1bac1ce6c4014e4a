#!/usr/bin/env bash
# Proves scripts/slurm-sweep.sh on a real scheduler: starts a single-node Slurm on this machine from Debian's packages
# (slurmctld, slurmd, munge; installed if missing, as root), runs a sweep of 2 models x 2 seeds x 2 epochs (the post's
# training, all 60,000 MNIST images) as a job array into a fresh folder, waits for the gather job, checks its
# comparison, and copies the comparison, the task logs, the Slurm configuration and the queue's accounting into
# the report folder. Stops the daemons it started. Not part of `mvn test`.
#
#   MNIST_DIR=/path/to/mnist scripts/slurm-check.sh [report-folder]     (default: results/slurm/<UTC date-time>)
#
# Needs: root (the daemons and apt-get), the jar (mvn -B -q -DskipTests package), 2 cores; about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
report=${1:-results/slurm/$(date -u +%Y%m%d-%H%M%S)}
epochs=${EPOCHS:-2}
: "${MNIST_DIR:?point MNIST_DIR at the four MNIST files}"
[ -f target/cnn-vs-mlp.jar ] || { echo "error: build the jar first: mvn -B -q -DskipTests package" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge
fi

work="$(mktemp -d /tmp/slurm-check.XXXXXX)"
mkdir -p "$report" "$work/state" "$work/spool" "$work/run" "$work/munge" "$work/log"
report="$(cd "$report" && pwd)"
exec > >(tee -a "$report/slurm-check.log") 2>&1
echo "Slurm check, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(slurmctld -V)"
echo "work folder $work"

# munge: its own key, socket and pid in the work folder
dd if=/dev/urandom bs=1 count=1024 of="$work/munge/munge.key" 2>/dev/null
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/munge.seed"

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
cat > "$work/slurm.conf" <<CONF
# a single-node cluster for scripts/slurm-check.sh
ClusterName=cnnvsmlp-check
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
cp "$SLURM_CONF" "$report/slurm.conf"

cleanup() {
  [ -f "$work/run/slurmd.pid" ] && kill "$(cat "$work/run/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/run/slurmctld.pid" ] && kill "$(cat "$work/run/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/munge/munged.pid" ] && kill "$(cat "$work/munge/munged.pid")" 2>/dev/null || true
  cp "$work"/log/*.log "$report/" 2>/dev/null || true
}
trap cleanup EXIT
slurmctld
slurmd
for _ in $(seq 1 30); do
  if sinfo -h -o %T 2>/dev/null | grep -q idle; then break; fi
  sleep 1
done
sinfo

sweep="$work/sweep"
SEEDS=2 CPUS=1 scripts/slurm-sweep.sh "$sweep" --epochs "$epochs" | tee "$work/submitted.txt"
array=$(sed -n 's/^array job \([0-9]*\):.*/\1/p' "$work/submitted.txt")
gather=$(sed -n 's/^gather job \([0-9]*\):.*/\1/p' "$work/submitted.txt")
deadline=$(( $(date +%s) + ${TIMEOUT_S:-900} ))
while squeue -h -j "$array,$gather" 2>/dev/null | grep -q .; do
  if [ "$(date +%s)" -gt "$deadline" ]; then
    echo "error: the sweep did not end in ${TIMEOUT_S:-900} s"; squeue; exit 1
  fi
  sleep 5
done
echo "queue empty at $(date -u +%FT%TZ)"
scontrol show job "$array" 2>/dev/null | grep -E "JobState|ArrayTaskId" || true

comparison=$(find "$sweep/compare" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$comparison" ] || { echo "error: no comparison in $sweep/compare"; cat "$sweep"/logs/*; exit 1; }
mkdir -p "$report/sweep"
cp -r "$sweep/logs" "$report/sweep/"
cp -r "$comparison" "$report/sweep/compare"
for model in mnist-mlp lenet5; do
  for run in "$sweep/$model"/*; do
    mkdir -p "$report/sweep/$model/$(basename "$run")"
    cp "$run"/config.json "$run"/history.csv "$run"/metrics.json "$report/sweep/$model/$(basename "$run")/"
  done
done
echo "comparison $comparison: $(head -n 3 "$comparison/summary.md" | tail -n 1)"
grep -q '"status" : "finished"' "$comparison/plan.json"
grep -q "mnist-mlp seed 43" "$comparison/plan.json" && grep -q "lenet5 seed 43" "$comparison/plan.json"
echo "OK: 4 array tasks trained 2 models x 2 seeds x $epochs epochs; the gather job built the comparison"
