#!/usr/bin/env bash
# The plan gate of one apply wave (.github/workflows/apply-wave.yml): lz review-plan on the plan JSON of every stack of
# the wave, then the job summary the approver of the protected environment reads before approving the apply: the wave's
# stacks with their plan summary lines and the gate's verdicts, the gate's findings and each plan (plan-comment.sh).
# Exits 1 when a stack has no plan JSON, and with lz review-plan's code when the gate refused a plan: the apply jobs
# then never start.
# usage: review-wave.sh '<groups JSON>' <run-url>   (LZ: the lz command, default node dist/cli/lz.js;
#        GITHUB_STEP_SUMMARY: where the summary goes, default standard output)
set -euo pipefail
groups="$1"
run_url="$2"
lz="${LZ:-node dist/cli/lz.js}"
summary="${GITHUB_STEP_SUMMARY:-/dev/stdout}"

mapfile -t stacks < <(jq -r '.[].stacks | split(" ")[] | select(. != "")' <<<"$groups")
plans=()
missing=()
for stack in "${stacks[@]}"; do
  if [ -f "plan-json/${stack}.json" ]; then plans+=("plan-json/${stack}.json"); else missing+=("$stack"); fi
done

gate=0
if [ "${#missing[@]}" -gt 0 ]; then
  echo "::error title=Plan gate::no plan of ${missing[*]}: nothing of this wave is applied."
  gate=1
  printf '%s\n' "**No plan of ${missing[*]}: the wave is not applied.**" >gate.md
  echo '{}' >gate.json
else
  # Word splitting of $lz is intended: it is a command and its arguments.
  # shellcheck disable=SC2086
  $lz review-plan "${plans[@]}" --format markdown >gate.md || gate=$?
  # shellcheck disable=SC2086
  $lz review-plan "${plans[@]}" --format json >gate.json || true
fi

waves="$(jq -c '[[.[].stacks | split(" ")[] | select(. != "")]]' <<<"$groups")"
.github/scripts/plan-comment.sh "$waves" plan-summary "$run_url" gate.json gate.md >>"$summary"
if [ "$gate" -ne 0 ]; then
  echo "::error title=Plan gate::lz review-plan refused a plan of ${stacks[*]} (exit ${gate}): nothing of this wave is applied. Fix the config, or acknowledge the intended change in reviewPlan.acknowledge (docs/operations.md, \"The plan gate\")."
fi
exit "$gate"
