"""Seeds the moto emulator with what a config adopts, and prints the ids moto gave them.

Input (stdin, JSON): {"endpoint": "http://127.0.0.1:PORT", "region": "us-east-1",
  "organization": true|false, "accounts": [{"name", "email", "ou"?}], "ous": ["A/B", ...],
  "groups": ["display name", ...]}
Output (stdout, JSON): {"organizationId", "rootId", "accounts": {name: id}, "ous": {path: id}}
moto assigns random ids, so the test writes these into its copy of the config.
"""
import json
import sys

import boto3

spec = json.load(sys.stdin)
kw = dict(endpoint_url=spec["endpoint"], aws_access_key_id="test", aws_secret_access_key="test", region_name=spec["region"])
org = boto3.client("organizations", **kw)
out = {"accounts": {}, "ous": {}}
if spec["organization"]:
    out["organizationId"] = org.create_organization(FeatureSet="ALL")["Organization"]["Id"]
    root = org.list_roots()["Roots"][0]["Id"]
    out["rootId"] = root
    for account in spec["accounts"]:
        status = org.create_account(AccountName=account["name"], Email=account["email"])["CreateAccountStatus"]
        out["accounts"][account["name"]] = status["AccountId"]
    for path in sorted(spec["ous"], key=lambda p: p.count("/")):
        parent = out["ous"].get(path.rsplit("/", 1)[0], root) if "/" in path else root
        ou = org.create_organizational_unit(ParentId=parent, Name=path.rsplit("/", 1)[-1])
        out["ous"][path] = ou["OrganizationalUnit"]["Id"]
    # An account with "ou" is moved there (an existing organization whose accounts already sit in OUs).
    for account in spec["accounts"]:
        if account.get("ou"):
            org.move_account(AccountId=out["accounts"][account["name"]], SourceParentId=root, DestinationParentId=out["ous"][account["ou"]])
if spec["groups"]:
    sso = boto3.client("sso-admin", **kw)
    store = sso.list_instances()["Instances"][0]["IdentityStoreId"]
    ids = boto3.client("identitystore", **kw)
    for name in spec["groups"]:
        ids.create_group(IdentityStoreId=store, DisplayName=name)
json.dump(out, sys.stdout)
