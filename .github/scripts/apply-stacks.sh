#!/usr/bin/env bash
# Applies the stacks of one job group only as the plan gate passed them: for every stack, terraform init and
# terraform plan -out=tfplan in cdktf.out/stacks/<stack>, terraform show -json tfplan > plan-json/<stack>.json; then
# lz review-plan on all of the group's plans at once (the built CLI; landing-zone.yaml or LZ_CONFIG). Only when it
# passes, terraform apply tfplan per stack: exactly the saved plan that was reviewed (Terraform refuses a saved plan
# whose state changed since). A failed plan or a refused plan stops here, before anything is applied.
# usage: apply-stacks.sh <stack-id>...   (LZ: the lz command, default node dist/cli/lz.js)
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: apply-stacks.sh <stack-id>..." >&2; exit 2; }
lz="${LZ:-node dist/cli/lz.js}"
mkdir -p plan-json

plans=()
for stack in "$@"; do
  dir="cdktf.out/stacks/${stack}"
  echo "::group::plan ${stack}"
  terraform -chdir="$dir" init -input=false -no-color
  terraform -chdir="$dir" plan -input=false -no-color -out=tfplan
  terraform -chdir="$dir" show -json tfplan >"plan-json/${stack}.json"
  echo "::endgroup::"
  plans+=("plan-json/${stack}.json")
done

echo "::group::plan gate (lz review-plan)"
gate=0
# Word splitting of $lz is intended: it is a command and its arguments.
# shellcheck disable=SC2086
$lz review-plan "${plans[@]}" || gate=$?
echo "::endgroup::"
if [ "$gate" -ne 0 ]; then
  echo "::error title=Plan gate::lz review-plan refused the plan of $*: nothing was applied. Fix the config, or acknowledge the intended change in reviewPlan.acknowledge (docs/operations.md, \"The plan gate\")."
  exit "$gate"
fi

for stack in "$@"; do
  echo "::group::apply ${stack}"
  terraform -chdir="cdktf.out/stacks/${stack}" apply -input=false -no-color tfplan
  echo "::endgroup::"
done
