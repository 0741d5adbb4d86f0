#!/usr/bin/env bash
# Builds the pull-request comment from the per-stack fragments written by plan-summary.sh:
# a table of every stack in wave order with its summary line, then each stack's plan.
# usage: plan-comment.sh '<waves JSON>' <fragment-dir> <run-url>
set -euo pipefail
waves="$1"
dir="$2"
run_url="$3"
limit=60000 # GitHub comments hold 65,536 characters

table="| wave | stack | plan |"$'\n'"|---|---|---|"
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
    table+=$'\n'"| ${wave} | \`${stack}\` | ${line} |"
  done
  wave=$((wave + 1))
done < <(jq -c '.[]' <<<"$waves")

body="## Landing zone plan"$'\n\n'"${table}"$'\n\n'"${details}"
footer=$'\n'"[Workflow run](${run_url}) · stacks plan wave by wave in dependency order (\`lz plan-order\`)."
if [ "${#body}" -gt "$limit" ]; then
  body="${body:0:$limit}"$'\n\n'"_(truncated; the full plans are in the workflow run)_"
fi
printf '%s\n%s\n' "$body" "$footer"
