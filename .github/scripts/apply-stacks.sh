#!/usr/bin/env bash
# Applies the saved plans of one job group exactly as the plan job of this run made them and the plan gate passed them
# (.github/workflows/apply-wave.yml): for every stack, <saved>/<stack>/tfplan and the provider lock file it was made with
# go into cdktf.out/stacks/<stack>, terraform init installs exactly those providers (-lockfile=readonly), and terraform
# apply tfplan applies that plan. Nothing is planned again. Terraform refuses a saved plan whose state changed after it
# was made ("Saved plan is stale": another apply ran in between), and the job fails on that refusal (set -e). A stack
# without a saved plan stops the group before anything is applied.
# usage: apply-stacks.sh <stack-id>...   (SAVED_PLANS: the folder of the saved plans, default saved-plans)
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: apply-stacks.sh <stack-id>..." >&2; exit 2; }
saved="${SAVED_PLANS:-saved-plans}"

for stack in "$@"; do
  if [ ! -f "${saved}/${stack}/tfplan" ] || [ ! -f "${saved}/${stack}/terraform.lock.hcl" ]; then
    echo "::error title=No reviewed plan::${stack} has no saved plan in ${saved}/ (the plan job of this run did not make one): nothing of $* was applied."
    exit 1
  fi
done

for stack in "$@"; do
  dir="cdktf.out/stacks/${stack}"
  cp "${saved}/${stack}/tfplan" "${dir}/tfplan"
  cp "${saved}/${stack}/terraform.lock.hcl" "${dir}/.terraform.lock.hcl"
  echo "::group::apply ${stack} (the reviewed plan)"
  terraform -chdir="$dir" init -input=false -no-color -lockfile=readonly
  terraform -chdir="$dir" apply -input=false -no-color tfplan
  echo "::endgroup::"
done
