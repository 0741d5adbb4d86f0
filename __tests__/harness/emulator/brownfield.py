"""The brownfield scenario in the moto emulator: what accounts already run before the landing zone arrives.

Two modes, chosen by "mode" in the input (stdin, JSON):

seed: creates, in each account (members through AssumeRole of the access role: moto switches to the
  role's account), what the account "already runs":
  {"mode": "seed", "endpoint": "http://127.0.0.1:PORT", "proxyUrl": "http://127.0.0.1:PORT2", "accessRoleName": "...",
   "accounts": [{"name", "id", "management": bool, "existing": {
      "configRecorders": {region: {"recorder", "deliveryChannel"}},   # with a bucket of the account's own
      "configServiceLinkedRole": bool, "passwordPolicy": bool, "s3PublicAccessBlock": bool,
      "ebsEncryptionByDefault": [region], "budgets": [name], "guardDutyDetectors": [region],
      "trails": [{"name", "region"}], "alternateContacts": [type]}}],
   "detectorTags": {...}}   # tags of every detector (moto cannot tag one later)
  Output (stdout, JSON): {name: {"guardDutyDetectors": {region: detector id}}}: what AWS chose itself.

inspect: reads back, per account and region, what the landing zone must have kept:
  {"mode": "inspect", "endpoint", "accessRoleName", "accounts": [{"name", "id", "management"}], "regions": [...]}
  Output: {name: {"configRecorders": {region: [names]}, "deliveryChannels": {region: [names]},
     "guardDutyDetectors": {region: [ids]}, "trails": [names], "budgets": [names], "passwordPolicy": bool,
     "configServiceLinkedRoles": [names]}}
"""
import json
import sys

import boto3
from botocore.config import Config

spec = json.load(sys.stdin)
ENDPOINT = spec["endpoint"]
BASE = dict(endpoint_url=ENDPOINT, aws_access_key_id="test", aws_secret_access_key="test")


def session_for(account):
    """Credentials of the account: the management account's own, a member's through the access role."""
    if account.get("management"):
        return dict(BASE)
    sts = boto3.client("sts", region_name="us-east-1", **BASE)
    role = f"arn:aws:iam::{account['id']}:role/{spec['accessRoleName']}"
    creds = sts.assume_role(RoleArn=role, RoleSessionName="lz-emulator-brownfield")["Credentials"]
    return dict(
        endpoint_url=ENDPOINT,
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )


def client(kw, service, region, **extra):
    return boto3.client(service, region_name=region, **kw, **extra)


def bucket(kw, region, name):
    s3 = client(kw, "s3", region)
    args = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    s3.create_bucket(Bucket=name, **args)
    return name


def seed(account):
    kw = session_for(account)
    existing = account["existing"]
    out = {"guardDutyDetectors": {}}
    home = account["homeRegion"]
    if existing.get("configServiceLinkedRole"):
        client(kw, "iam", home).create_service_linked_role(AWSServiceName="config.amazonaws.com")
    for region, names in existing.get("configRecorders", {}).items():
        cfg = client(kw, "config", region)
        role = f"arn:aws:iam::{account['id']}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
        cfg.put_configuration_recorder(
            ConfigurationRecorder={"name": names["recorder"], "roleARN": role, "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": False}}
        )
        if names.get("deliveryChannel"):
            target = bucket(kw, region, f"legacy-config-{account['id']}-{region}")
            cfg.put_delivery_channel(DeliveryChannel={"name": names["deliveryChannel"], "s3BucketName": target})
            cfg.start_configuration_recorder(ConfigurationRecorderName=names["recorder"])
    if existing.get("passwordPolicy"):
        client(kw, "iam", home).update_account_password_policy(MinimumPasswordLength=8, RequireNumbers=True)
    if existing.get("s3PublicAccessBlock"):
        # S3 Control puts the account id in front of the endpoint's host: through the harness's loopback proxy.
        s3control = client(kw, "s3control", home, config=Config(proxies={"http": spec["proxyUrl"]}))
        s3control.put_public_access_block(
            AccountId=account["id"],
            PublicAccessBlockConfiguration={"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False, "RestrictPublicBuckets": False},
        )
    for region in existing.get("ebsEncryptionByDefault", []):
        client(kw, "ec2", region).enable_ebs_encryption_by_default()
    for name in existing.get("budgets", []):
        client(kw, "budgets", "us-east-1").create_budget(
            AccountId=account["id"],
            Budget={"BudgetName": name, "BudgetLimit": {"Amount": "100", "Unit": "USD"}, "TimeUnit": "MONTHLY", "BudgetType": "COST"},
        )
    for region in existing.get("guardDutyDetectors", []):
        gd = client(kw, "guardduty", region)
        out["guardDutyDetectors"][region] = gd.create_detector(Enable=True, Tags=spec.get("detectorTags") or {})["DetectorId"]
    for trail in existing.get("trails", []):
        target = bucket(kw, trail["region"], f"legacy-trail-{account['id']}-{trail['region']}")
        client(kw, "cloudtrail", trail["region"]).create_trail(Name=trail["name"], S3BucketName=target)
    for kind in existing.get("alternateContacts", []):
        client(kw, "account", home).put_alternate_contact(
            AlternateContactType=kind, EmailAddress=f"legacy-{kind.lower()}@example.com", Name=f"Legacy {kind.title()}", PhoneNumber="+10000000000", Title="Legacy"
        )
    return out


def inspect(account):
    kw = session_for(account)
    result = {"configRecorders": {}, "deliveryChannels": {}, "guardDutyDetectors": {}, "trails": set(), "budgets": []}
    for region in spec["regions"]:
        cfg = client(kw, "config", region)
        result["configRecorders"][region] = sorted(r["name"] for r in cfg.describe_configuration_recorders()["ConfigurationRecorders"])
        result["deliveryChannels"][region] = sorted(c["name"] for c in cfg.describe_delivery_channels()["DeliveryChannels"])
        result["guardDutyDetectors"][region] = sorted(client(kw, "guardduty", region).list_detectors()["DetectorIds"])
        for t in client(kw, "cloudtrail", region).describe_trails(includeShadowTrails=False)["trailList"]:
            result["trails"].add(t["Name"])
    result["trails"] = sorted(result["trails"])
    budgets = client(kw, "budgets", "us-east-1").describe_budgets(AccountId=account["id"]).get("Budgets", [])
    result["budgets"] = sorted(b["BudgetName"] for b in budgets)
    iam = client(kw, "iam", "us-east-1")
    roles = iam.list_roles(PathPrefix="/aws-service-role/config.amazonaws.com/")["Roles"]
    result["configServiceLinkedRoles"] = sorted(r["RoleName"] for r in roles)
    try:
        iam.get_account_password_policy()
        result["passwordPolicy"] = True
    except iam.exceptions.NoSuchEntityException:
        result["passwordPolicy"] = False
    return result


if spec["mode"] == "seed":
    json.dump({a["name"]: seed(a) for a in spec["accounts"]}, sys.stdout)
elif spec["mode"] == "inspect":
    json.dump({a["name"]: inspect(a) for a in spec["accounts"]}, sys.stdout)
else:
    raise SystemExit(f"unknown mode {spec['mode']!r}")
