#!/usr/bin/env bash
# Plans one synthesized stack (cdktf diff on cdktf.out, no synth) and writes
# plan-summary/<stack>.md (one summary line and the plan output) for the PR comment.
# Exits with cdktf's exit code, so a failing plan fails the job; except a member stack whose account is
# new (not applied yet, .github/scripts/new-account.sh): it is reported as "new account: planned at
# apply" and does not fail the wave.
set -uo pipefail
stack="${1:?usage: plan-stack.sh <stack-id>}"
mkdir -p plan-summary
log="plan-summary/${stack}.log"

npx cdktf diff "$stack" --skip-synth --no-color >"$log" 2>&1
status=$?
cat "$log"

summary_status="$status"
if [ "$status" -ne 0 ] && new_account="$(.github/scripts/new-account.sh "$stack" "$log")"; then
  echo "::notice title=${stack}::${new_account}"
  summary_status="new-account"
  status=0
fi
NEW_ACCOUNT="${new_account:-}" .github/scripts/plan-summary.sh "$stack" "$summary_status" "$log" >"plan-summary/${stack}.md"
rm -f "$log"
exit "$status"
