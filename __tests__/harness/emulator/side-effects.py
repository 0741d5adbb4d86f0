"""Does in the moto emulator what real AWS does as a side effect of an earlier stack's apply, and
moto does not (each listed in EMULATOR_SIDE_EFFECTS of __tests__/emulator/gaps.ts with its AWS page).

Input (stdin, JSON): {"endpoint": "http://127.0.0.1:PORT", "region": "us-east-1", "accessRoleName": "...",
  "guardDutyDetectors": [{"account": "<account name>", "region": "...", "tags": {...}}]}
Output (stdout, JSON): {"guardDutyDetectors": [{"account", "region", "detectorId", "created": bool}]}
"""
import json
import sys

import boto3

spec = json.load(sys.stdin)
kw = dict(endpoint_url=spec["endpoint"], aws_access_key_id="test", aws_secret_access_key="test")
org = boto3.client("organizations", region_name=spec["region"], **kw)
ids = {}
for page in org.get_paginator("list_accounts").paginate():
    for a in page["Accounts"]:
        ids[a["Name"]] = a["Id"]
sts = boto3.client("sts", region_name=spec["region"], **kw)
out = {"guardDutyDetectors": []}
for want in spec["guardDutyDetectors"]:
    account = ids[want["account"]]
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{spec['accessRoleName']}", RoleSessionName="lz-emulator")["Credentials"]
    gd = boto3.client(
        "guardduty",
        endpoint_url=spec["endpoint"],
        region_name=want["region"],
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    existing = gd.list_detectors()["DetectorIds"]
    created = not existing
    detector = existing[0] if existing else gd.create_detector(Enable=True, Tags=want.get("tags") or {})["DetectorId"]
    out["guardDutyDetectors"].append({"account": want["account"], "region": want["region"], "detectorId": detector, "created": created})
json.dump(out, sys.stdout)
