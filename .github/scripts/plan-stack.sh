#!/usr/bin/env bash
# Plans one synthesized stack (cdktf diff on cdktf.out, no synth) and writes
# plan-summary/<stack>.md (one summary line and the plan output) for the PR comment.
# Exits with cdktf's exit code, so a failing plan fails the job.
set -uo pipefail
stack="${1:?usage: plan-stack.sh <stack-id>}"
mkdir -p plan-summary
log="plan-summary/${stack}.log"

npx cdktf diff "$stack" --skip-synth --no-color >"$log" 2>&1
status=$?
cat "$log"

.github/scripts/plan-summary.sh "$stack" "$status" "$log" >"plan-summary/${stack}.md"
rm -f "$log"
exit "$status"
