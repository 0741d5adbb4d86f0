#!/usr/bin/env bash
# Turns the output of `cdktf diff <stack>` into a Markdown fragment: a heading, one summary line
# ("Plan: 1 to import, 2 to add, 0 to change, 0 to destroy.", "No changes.", "new account: planned at
# apply ..." when <exit-code> is new-account, or the error) and
# the last lines of the plan in a collapsed block.
# usage: plan-summary.sh <stack-id> <exit-code> <log-file>
set -euo pipefail
stack="$1"
status="$2"
log="$3"

summary="$(grep -oE 'Plan: [0-9]+ to [a-z]+(, [0-9]+ to [a-z]+)*\.|No changes\.' "$log" | tail -n 1 || true)"
if [ "$status" = "new-account" ]; then
  # plan-stack.sh: the account is not applied yet; NEW_ACCOUNT is .github/scripts/new-account.sh's line
  summary="${NEW_ACCOUNT:-new account: planned at apply}"
elif [ "$status" != "0" ]; then
  error="$(grep -m 1 -oE 'Error: .*' "$log" || true)"
  summary="failed (exit ${status})${error:+: ${error}}"
elif [ -z "$summary" ]; then
  summary="planned (no summary line found)"
fi

echo "### ${stack}"
echo
echo "**${summary}**"
echo
echo "<details><summary>plan output (last 200 lines)</summary>"
echo
echo '```text'
tail -n 200 "$log"
echo '```'
echo
echo "</details>"
