#!/usr/bin/env bash
# The drift report of a scheduled plan of every stack, from the per-stack fragments of plan-summary.sh:
# counts of stacks in sync, drifted, failed and not planned, then a table of only the stacks that need
# attention (an organization of thousands of stacks stays readable). Exits 2 when any stack drifted,
# failed or was not planned, 0 when everything matches the configuration.
# usage: drift-report.sh '<waves JSON>' <fragment-dir> <run-url>
set -euo pipefail
waves="$1"
dir="$2"
run_url="$3"
max_rows=500

in_sync=0
drifted=0
failed=0
missing=0
rows=""
row_count=0
add_row() {
  row_count=$((row_count + 1))
  if [ "$row_count" -le "$max_rows" ]; then rows+=$'\n'"| \`$1\` | $2 |"; fi
}
for stack in $(jq -r '.[][]' <<<"$waves"); do
  file="${dir}/${stack}.md"
  if [ ! -f "$file" ]; then
    missing=$((missing + 1))
    add_row "$stack" "not planned (an earlier wave failed, or the job was cancelled)"
    continue
  fi
  line="$(sed -n '3p' "$file" | tr -d '*')"
  case "$line" in
    "No changes.") in_sync=$((in_sync + 1)) ;;
    failed*)
      failed=$((failed + 1))
      add_row "$stack" "$line"
      ;;
    *)
      drifted=$((drifted + 1))
      add_row "$stack" "drift: $line"
      ;;
  esac
done

total=$((in_sync + drifted + failed + missing))
echo "## Landing zone drift"
echo
echo "${total} stacks: ${in_sync} match the configuration, ${drifted} drifted, ${failed} failed to plan, ${missing} not planned."
if [ "$row_count" -gt 0 ]; then
  echo
  echo "| stack | plan |"
  echo "|---|---|"
  printf '%s\n' "${rows#$'\n'}"
  if [ "$row_count" -gt "$max_rows" ]; then echo; echo "_(${row_count} stacks need attention; the first ${max_rows} are listed)_"; fi
fi
echo
echo "[Workflow run](${run_url}) · each stack's plan is in its job's plan-summary artifact."
if [ "$row_count" -gt 0 ]; then exit 2; fi
