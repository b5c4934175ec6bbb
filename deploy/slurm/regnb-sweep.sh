#!/usr/bin/env bash
# The tutorial's sweep (cell l2-sweep of examples/weight-regularization.regnb) as a Slurm
# job array, merged once every shard is in (deploy/README.md). One file, three uses:
#
#   bash deploy/slurm/regnb-sweep.sh           on a login node: submits every stage's shards
#                                              (a job array) and its merge, chained with afterok
#   sbatch ... regnb-sweep.sh shard            one shard: with --shard auto the CLI reads its index
#                                              and the count from SLURM_ARRAY_TASK_ID/_COUNT
#   sbatch ... regnb-sweep.sh merge            the merge: plans stage 2 after stage 1 of a sweep
#                                              with `refine:`, else stores the merged sweep
#
# Settings (environment; sbatch passes the environment on to the jobs):
#   NOTEBOOK  the notebook, on a file system every node mounts (default: the tutorial)
#   CELL      the sweep's cell (default l2-sweep)
#   SHARDS    array tasks per stage (default 8)
#   STAGES    2 for a cell with `grid: refine:` (the tutorial's), else 1
#   STORE     the run store, shared too (default: .regnb beside the notebook)
#   RESULTS   where the merge writes the run results (CELL.json) and charts (default:
#             regnb-results beside the notebook); the notebook gets the cell's output
#   REGNB     how to call the CLI (default regnb; e.g. "apptainer exec regnb.sif regnb")
#
#SBATCH --job-name=regnb-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=regnb-%x-%A_%a.out
set -euo pipefail

NOTEBOOK=${NOTEBOOK:-examples/weight-regularization.regnb}
CELL=${CELL:-l2-sweep}
SHARDS=${SHARDS:-8}
STAGES=${STAGES:-2}
REGNB=${REGNB:-regnb}
STORE=${STORE:-$(dirname "$NOTEBOOK")/.regnb}
RESULTS=${RESULTS:-$(dirname "$NOTEBOOK")/regnb-results}

case "${1:-submit}" in
  shard)
    # shellcheck disable=SC2086 # REGNB may be a command with arguments
    exec $REGNB run "$NOTEBOOK" --cell "$CELL" --shard auto --store "$STORE" --backend wasm --workers "${SLURM_CPUS_PER_TASK:-1}" --quiet
    ;;
  merge)
    # shellcheck disable=SC2086
    exec $REGNB merge "$NOTEBOOK" --cell "$CELL" --store "$STORE" --backend wasm --json "$RESULTS/$CELL.json" --charts "$RESULTS/charts"
    ;;
  submit)
    # Absolute paths: the jobs may start in another folder.
    NOTEBOOK=$(realpath "$NOTEBOOK")
    STORE=$(realpath -m "$STORE")
    RESULTS=$(realpath -m "$RESULTS")
    export NOTEBOOK CELL STORE RESULTS REGNB
    script=$(realpath "$0")
    after=""
    for stage in $(seq 1 "$STAGES"); do
      # --parsable prints "jobid" or "jobid;cluster".
      shards=$(sbatch --parsable --kill-on-invalid-dep=yes ${after:+"$after"} --array="0-$((SHARDS - 1))" \
        --job-name="regnb-$CELL-shards-$stage" "$script" shard)
      shards=${shards%%;*}
      merge=$(sbatch --parsable --kill-on-invalid-dep=yes --dependency="afterok:$shards" \
        --job-name="regnb-$CELL-merge-$stage" --output="regnb-%x-%j.out" "$script" merge)
      merge=${merge%%;*}
      echo "stage $stage of $STAGES: shards job array $shards ($SHARDS tasks), merge job $merge"
      after="--dependency=afterok:$merge"
    done
    ;;
  *)
    echo "usage: $0 [submit|shard|merge]" >&2
    exit 2
    ;;
esac
