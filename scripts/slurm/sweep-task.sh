#!/usr/bin/env bash
# One task of a seed sweep's job array: trains one (model, seed) into the shared sweep folder. Submitted by
# scripts/slurm-sweep.sh, which sets the variables below; not meant to be run by hand (it needs SLURM_ARRAY_TASK_ID).
#
# Task i trains model MODELS[i mod M] with seed FIRST_SEED + i div M, so that the tasks of one seed run side by side.
# A task that finds its run already in the sweep folder (a requeued or resubmitted task) continues it with --resume
# from its checkpoint instead of starting again; a finished one is left as it is.
#
#   SWEEP_DIR   the shared folder (every node sees it): runs go to SWEEP_DIR/<model>/<run-id>/
#   JAR         the project's jar on the shared file system (target/cnn-vs-mlp.jar with target/lib/ beside it)
#   MODELS      comma-separated experiments (default: mnist-mlp,lenet5)
#   FIRST_SEED  the first seed (default 42)
#   RUN_OPTIONS options for every run: the budget and recipe (e.g. "--epochs 5000" or "--training modern --epochs 20")
#   MNIST_DIR   the MNIST files on the shared file system (nodes of a cluster seldom reach the internet)
#SBATCH --job-name=cnn-vs-mlp-sweep
#SBATCH --ntasks=1
set -euo pipefail

: "${SLURM_ARRAY_TASK_ID:?this is a Slurm array task: submit it with scripts/slurm-sweep.sh}"
: "${SWEEP_DIR:?SWEEP_DIR is not set: submit with scripts/slurm-sweep.sh}"
: "${JAR:?JAR is not set: submit with scripts/slurm-sweep.sh}"
IFS=, read -r -a models <<< "${MODELS:-mnist-mlp,lenet5}"
n=${#models[@]}
model=${models[$((SLURM_ARRAY_TASK_ID % n))]}
seed=$(( ${FIRST_SEED:-42} + SLURM_ARRAY_TASK_ID / n ))
threads=${SLURM_CPUS_PER_TASK:-1}

# this (model, seed)'s run, if an earlier attempt of the task started it
existing=""
if [ -d "$SWEEP_DIR/$model" ]; then
  existing=$(find "$SWEEP_DIR/$model" -mindepth 1 -maxdepth 1 -type d -name "*-seed$seed" | sort | tail -n 1)
fi
echo "task $SLURM_ARRAY_TASK_ID of job ${SLURM_ARRAY_JOB_ID:-?} on $(hostname): $model seed $seed, $threads threads"
if [ -n "$existing" ]; then
  status=$(sed -n 's/^  "status" : "\(.*\)",$/\1/p' "$existing/config.json" | head -n 1)
  if [ "$status" = finished ]; then
    echo "$existing finished already"
    exit 0
  fi
  echo "continuing $existing ($status)"
  # shellcheck disable=SC2086
  exec java -jar "$JAR" "$model" --resume "$existing" --threads "$threads" --no-progress
fi
# shellcheck disable=SC2086
exec java -jar "$JAR" "$model" --seed "$seed" --threads "$threads" --output-dir "$SWEEP_DIR" --no-progress \
  ${RUN_OPTIONS:-}
