#!/usr/bin/env bash
# Plans one synthesized stack with Terraform itself in cdktf.out/stacks/<stack> (no cdktf, no synth):
# terraform init, terraform plan -lock=false -out=tfplan (a plan never writes state, so it takes no lock and never
# collides with an apply, which holds it), and terraform show -json tfplan > plan-json/<stack>.json for the plan
# gate (lz review-plan); writes plan-summary/<stack>.md (one summary line and the plan output) for the PR comment.
# With SAVE_PLANS=<dir> (the apply workflow) it also keeps the saved plan and the provider lock file it was made with
# in <dir>/<stack>/ (tfplan, terraform.lock.hcl), for apply-stacks.sh to apply after the review.
# Exits with Terraform's exit code, so a failing plan fails the job; except a member stack whose account is new (not
# applied yet, .github/scripts/new-account.sh): it is reported as "new account: planned at apply", has no plan JSON,
# and does not fail the wave.
# usage: plan-stack.sh <stack-id>
set -uo pipefail
stack="${1:?usage: plan-stack.sh <stack-id>}"
dir="cdktf.out/stacks/${stack}"
mkdir -p plan-summary plan-json
log="plan-summary/${stack}.log"

{
  terraform -chdir="$dir" init -input=false -no-color &&
    terraform -chdir="$dir" plan -input=false -no-color -lock=false -out=tfplan
} >"$log" 2>&1
status=$?
cat "$log"
if [ "$status" -eq 0 ]; then
  terraform -chdir="$dir" show -json tfplan >"plan-json/${stack}.json" || status=$?
  [ "$status" -eq 0 ] || { rm -f "plan-json/${stack}.json"; echo "terraform show -json failed for ${stack}" >>"$log"; }
fi
if [ "$status" -eq 0 ] && [ -n "${SAVE_PLANS:-}" ]; then
  mkdir -p "${SAVE_PLANS}/${stack}"
  cp "${dir}/tfplan" "${SAVE_PLANS}/${stack}/tfplan" && cp "${dir}/.terraform.lock.hcl" "${SAVE_PLANS}/${stack}/terraform.lock.hcl" || status=$?
fi

summary_status="$status"
if [ "$status" -ne 0 ] && new_account="$(.github/scripts/new-account.sh "$stack" "$log" "$dir")"; then
  echo "::notice title=${stack}::${new_account}"
  summary_status="new-account"
  status=0
fi
NEW_ACCOUNT="${new_account:-}" .github/scripts/plan-summary.sh "$stack" "$summary_status" "$log" >"plan-summary/${stack}.md"
rm -f "$log"
exit "$status"
