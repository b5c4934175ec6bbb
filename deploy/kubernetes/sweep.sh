#!/usr/bin/env bash
# Runs the tutorial's sweep on Kubernetes, stage by stage: the shards (an Indexed Job), and
# once they all completed, the merge (a Job). Kubernetes has no dependencies between Jobs,
# so this script is the chain; run it where kubectl reaches the cluster, after the notebook
# is on the shared volume (deploy/README.md).
#
#   STAGES   2 for a cell with `grid: refine:` (the tutorial's l2-sweep), else 1
#   POLL     seconds between looks at a Job (default 10)
#   KUBECTL  the kubectl command (default kubectl; e.g. "kubectl --namespace sweeps")
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
STAGES=${STAGES:-2}
POLL=${POLL:-10}
KUBECTL=${KUBECTL:-kubectl}

# Creates the Job of $1 and waits until it completes (status 0) or fails (status 1).
run_job() {
  local job state
  # shellcheck disable=SC2086 # KUBECTL may carry options
  job=$($KUBECTL create -f "$1" -o name)
  echo "sweep: $job created" >&2
  while true; do
    # shellcheck disable=SC2086
    state=$($KUBECTL get "$job" -o 'jsonpath={.status.conditions[?(@.status=="True")].type}')
    case " $state " in
      *" Complete "*) echo "sweep: $job complete" >&2; return 0 ;;
      *" Failed "*) echo "sweep: $job failed; see: $KUBECTL logs $job" >&2; return 1 ;;
    esac
    sleep "$POLL"
  done
}

for stage in $(seq 1 "$STAGES"); do
  echo "sweep: stage $stage of $STAGES" >&2
  run_job "$here/shards.yaml"
  run_job "$here/merge.yaml"
done
