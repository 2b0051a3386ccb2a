#!/bin/sh
# A volume run split into 16 shards on a Slurm array, then merged (docs/scale.md).
# Each task gets its index in SLURM_ARRAY_TASK_ID; `--shard auto/16` reads it and runs its block
# range. Run from a folder every node can write (a shared file system):
#
#   sbatch slurm-array.sh scenario.yaml
#
# The merge is submitted as a second job that starts when every task of the array succeeded.
#SBATCH --job-name=mc-shards
#SBATCH --array=0-15
#SBATCH --cpus-per-task=1
#SBATCH --mem=512M
#SBATCH --time=01:00:00
#SBATCH --output=shard-%a.log
set -eu
scenario=${1:?usage: sbatch slurm-array.sh SCENARIO.yaml}
n=16

if [ "${SLURM_ARRAY_TASK_ID:-0}" = 0 ]; then
  # Task 0 also queues the merge, after the whole array (afterok: only if every task succeeded).
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=mc-merge --output=merge.log \
    --wrap="npx --yes middle-corridor merge part-*.json --format json --out result.json"
fi

index=$(printf %02d "$SLURM_ARRAY_TASK_ID")
npx --yes middle-corridor volumes "$scenario" --paths 50000000 --keep summary --seed 2027 \
  --shard "auto/$n" --out "part-$index.json"
