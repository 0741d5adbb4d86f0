#!/usr/bin/env bash
# Builds the pull-request comment from the per-stack fragments written by plan-summary.sh and the plan gate's
# result: a table of every stack in wave order with its summary line and the gate's verdict (lz review-plan --format
# json), the gate's findings (lz review-plan --format markdown), then each stack's plan.
# usage: plan-comment.sh '<waves JSON>' <fragment-dir> <run-url> [<gate.json> <gate.md>]
set -euo pipefail
waves="$1"
dir="$2"
run_url="$3"
gate_json="${4:-}"
gate_md="${5:-}"
limit=60000 # GitHub comments hold 65,536 characters

declare -A verdicts=()
if [ -n "$gate_json" ] && [ -s "$gate_json" ] && jq -e '.stacks' "$gate_json" >/dev/null 2>&1; then
  while IFS=$'\t' read -r stack verdict; do verdicts["$stack"]="$verdict"; done < <(jq -r '.stacks[] | "\(.stack)\t\(.verdict)"' "$gate_json")
  gate_ran=true
else
  gate_ran=false
fi

table="| wave | stack | plan | plan gate |"$'\n'"|---|---|---|---|"
details=""
wave=0
while read -r stacks; do
  for stack in $(jq -r '.[]' <<<"$stacks"); do
    file="${dir}/${stack}.md"
    if [ -f "$file" ]; then
      line="$(sed -n '3p' "$file" | tr -d '*')"
      details+="$(cat "$file")"$'\n\n'
    else
      line="not planned (an earlier wave failed, or the job was cancelled)"
    fi
    if [ -n "${verdicts[$stack]:-}" ]; then
      verdict="${verdicts[$stack]}"
    elif [ "$gate_ran" = true ]; then
      verdict="no plan to review"
    else
      verdict="not run"
    fi
    table+=$'\n'"| ${wave} | \`${stack}\` | ${line} | ${verdict} |"
  done
  wave=$((wave + 1))
done < <(jq -c '.[]' <<<"$waves")

gate=""
if [ -n "$gate_md" ] && [ -s "$gate_md" ]; then
  gate="$(cat "$gate_md")"$'\n\n'
elif [ -n "$gate_json" ]; then
  gate="**The plan gate (\`lz review-plan\`) did not run or failed to read the plans: see the workflow run.**"$'\n\n'
fi

body="## Landing zone plan"$'\n\n'"${table}"$'\n\n'"${gate}${details}"
footer=$'\n'"[Workflow run](${run_url}) · stacks plan wave by wave in dependency order (\`lz plan-order\`)."
if [ "${#body}" -gt "$limit" ]; then
  body="${body:0:$limit}"$'\n\n'"_(truncated; the full plans are in the workflow run)_"
fi
printf '%s\n%s\n' "$body" "$footer"
