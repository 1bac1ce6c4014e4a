#!/usr/bin/env bash
# A seed sweep on a Slurm cluster: one array task per (model, seed), each training into a shared folder, then one
# job that gathers the finished runs into a comparison (compare --gather), started only when every task succeeded.
#
#   scripts/slurm-sweep.sh SWEEP_DIR [run options...]
#   e.g.  MNIST_DIR=/shared/mnist SEEDS=5 scripts/slurm-sweep.sh /shared/sweep-5000 --epochs 5000
#         SEEDS=5 scripts/slurm-sweep.sh /shared/sweep-modern --training modern --epochs 20
#
# Environment:
#   SEEDS       how many seeds (default 3)            FIRST_SEED  the first (default 42)
#   MODELS      the two experiments (default mnist-mlp,lenet5)
#   CPUS        CPU cores per task (default 2): the run's --threads
#   JAR         the project's jar (default target/cnn-vs-mlp.jar of this checkout; it must be on a file system
#               every node sees, with its lib/ beside it)
#   MNIST_DIR   the MNIST files, on a shared file system
#   SBATCH_OPTIONS  more sbatch options for every job (partition, account, time limit, memory), e.g.
#               "--partition=cpu --time=2-00:00:00 --mem=4G"
# Each task's output goes to SWEEP_DIR/logs/. A task that fails or is requeued can be submitted again with the same
# command: it continues its run from the checkpoint (see scripts/slurm/sweep-task.sh). The comparison lands in
# SWEEP_DIR/compare/<id>/. Prints the two job ids.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -lt 1 ]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
sweep_dir="$(mkdir -p "$1" && cd "$1" && pwd)"
shift
seeds=${SEEDS:-3}
models=${MODELS:-mnist-mlp,lenet5}
cpus=${CPUS:-2}
jar="$(cd "$(dirname "${JAR:-$here/../target/cnn-vs-mlp.jar}")" && pwd)/$(basename "${JAR:-cnn-vs-mlp.jar}")"
if [ ! -f "$jar" ]; then
  echo "error: no jar at $jar; build it first (mvn -B -q -DskipTests package) or point JAR at it" >&2
  exit 1
fi
IFS=, read -r -a model_list <<< "$models"
tasks=$(( seeds * ${#model_list[@]} ))
mkdir -p "$sweep_dir/logs"
# the tasks read these from the environment sbatch passes on (--export=ALL)
export SWEEP_DIR="$sweep_dir" JAR="$jar" MODELS="$models" FIRST_SEED="${FIRST_SEED:-42}" RUN_OPTIONS="$*"
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL ${SBATCH_OPTIONS:-} --array=0-$((tasks - 1)) --cpus-per-task="$cpus" \
  --output="$sweep_dir/logs/task-%A_%a.out" "$here/slurm/sweep-task.sh")
# shellcheck disable=SC2086
gather=$(sbatch --parsable ${SBATCH_OPTIONS:-} --dependency=afterok:"$array" --cpus-per-task=1 \
  --job-name=cnn-vs-mlp-gather --output="$sweep_dir/logs/gather-%j.out" \
  --wrap="java -jar '$jar' compare --gather '$sweep_dir' --output-dir '$sweep_dir'")
echo "array job $array: $tasks tasks ($models x $seeds seeds from ${FIRST_SEED:-42}, $cpus CPUs each, options: $*)"
echo "gather job $gather: after every task succeeded, the comparison in $sweep_dir/compare/"
