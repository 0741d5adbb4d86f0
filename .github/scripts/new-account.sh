#!/usr/bin/env bash
# Decides whether a failed plan of a member stack failed only because its account is new, i.e. not
# applied yet: the plan cannot see inside it, and its first apply (with the access role) creates it.
#   - the account exists but its stack was never applied: it has no plan role yet, so every error is
#     "Cannot assume IAM Role" for the plan role (TF_VAR_member_role_name), and the stack's state holds
#     no plan role (a plan role in the state that cannot be assumed is a real failure);
#   - the account is created by the management stack in this same change: every error is an
#     "Unsupported attribute" of the management stack's remote state (its output does not exist yet).
# Prints one line for the plan summary and exits 0 when the account is new; exits 1 otherwise.
# usage: new-account.sh <stack-id> <plan-log> [<stack-dir>]
set -uo pipefail
stack="${1:?usage: new-account.sh <stack-id> <plan-log> [<stack-dir>]}"
log="${2:?usage: new-account.sh <stack-id> <plan-log> [<stack-dir>]}"
dir="${3:-cdktf.out/stacks/${stack}}"
role="${TF_VAR_member_role_name:-}"

# Every "Error: ..." line of the log, without cdktf's stack prefix and Terraform's box drawing.
errors="$(grep -oE 'Error: .*' "$log" || true)"
[ -n "$errors" ] || exit 1

if [ -n "$role" ] && ! grep -vqE '^Error: (Cannot assume IAM Role|operation error STS: AssumeRole, .*AccessDenied)' <<<"$errors"; then
  account="$(grep -oE "IAM Role \(arn:aws:iam::[0-9]{12}:role/([^)]*/)?${role}\) cannot be assumed" "$log" | grep -oE '[0-9]{12}' | sort -u)"
  [ "$(wc -w <<<"$account")" -eq 1 ] || exit 1
  # The state must be readable and hold no plan role of this landing zone (constructs/ci/member-plan-role.ts).
  resources="$(terraform -chdir="$dir" state list 2>/dev/null)" || exit 1
  if grep -qE '^aws_iam_role\.([A-Za-z0-9-]+_)?PlanRole_[0-9A-F]{8}$' <<<"$resources"; then exit 1; fi
  echo "new account: planned at apply (account ${account} has no ${role} role until this stack's first apply creates it)"
  exit 0
fi

if ! grep -vqE '^Error: Unsupported attribute' <<<"$errors" && grep -q 'terraform_remote_state' "$log"; then
  echo "new account: planned at apply (the management stack creates the account in this change; its id is not in the management state yet)"
  exit 0
fi
exit 1
