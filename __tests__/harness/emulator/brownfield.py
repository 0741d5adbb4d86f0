"""The brownfield scenario in the moto emulator: what accounts already run before the landing zone arrives.

Three modes, chosen by "mode" in the input (stdin, JSON):

organization: what the organization itself has run for years (management account credentials):
  {"mode": "organization", "endpoint", "region", "accounts": {name: id}, "ous": {path: id},
   "policyTypes": [type], "policies": [{"name", "type", "content", "targets": ["Root" | OU path | account name]}],
   "delegatedAdministrators": [{"service", "account", "regions"?}],   # regions: designated through the service's API
   "trustedAccess": [principal]}
  Output: {"rootId", "policies": {name: id}}

seed: creates, in each account (members through AssumeRole of the access role: moto switches to the
  role's account), what the account "already runs":
  {"mode": "seed", "endpoint": "http://127.0.0.1:PORT", "proxyUrl": "http://127.0.0.1:PORT2", "accessRoleName": "...",
   "accounts": [{"name", "id", "management": bool, "existing": {
      "configRecorders": {region: {"recorder", "deliveryChannel"}},   # with a bucket of the account's own
      "configServiceLinkedRole": bool, "passwordPolicy": bool, "s3PublicAccessBlock": bool,
      "ebsEncryptionByDefault": [region], "budgets": [name], "guardDutyDetectors": [region],
      "trails": [{"name", "region", "organization"?: bool}], "alternateContacts": [type],
      "vpcs": [region],                          # a VPC with an internet gateway attached, per region
      "controlTowerRecorders": [region],         # Control Tower's recorder and channel (aws-controltower-*)
      "roles": [name]}}],                        # roles the account already has (trusting the management account)
   "detectorTags": {...}}   # tags of every detector (moto cannot tag one later)
  Output (stdout, JSON): {name: {"guardDutyDetectors": {region: detector id}}}: what AWS chose itself.

inspect: reads back, per account and region, what the landing zone must have kept:
  {"mode": "inspect", "endpoint", "accessRoleName", "accounts": [{"name", "id", "management"}], "regions": [...]}
  Output: {name: {"configRecorders": {region: [names]}, "deliveryChannels": {region: [names]},
     "guardDutyDetectors": {region: [ids]}, "trails": [names], "budgets": [names], "passwordPolicy": bool,
     "configServiceLinkedRoles": [names], "internetGateways": {region: [vpc ids with an attached gateway]}}}
  organization mode's read-back ("mode": "inspect-organization"): {"policyTypes": [type], "policies": {name: [target ids]},
     "delegatedAdministrators": [[service, account id]], "guardDutyAdmins": {region: [account ids]},
     "trustedAccess": [principal], "organizationTrails": [names]}
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
        target = bucket(kw, trail["region"], f"legacy-trail-{trail['name']}-{account['id']}")
        org_trail = bool(trail.get("organization"))
        client(kw, "cloudtrail", trail["region"]).create_trail(
            Name=trail["name"], S3BucketName=target, IsOrganizationTrail=org_trail, IsMultiRegionTrail=org_trail, IncludeGlobalServiceEvents=True
        )
    for region in existing.get("vpcs", []):
        ec2 = client(kw, "ec2", region)
        vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
        igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
        ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    for region in existing.get("controlTowerRecorders", []):
        cfg = client(kw, "config", region)
        role = f"arn:aws:iam::{account['id']}:role/aws-controltower-ConfigRecorderRole"
        cfg.put_configuration_recorder(ConfigurationRecorder={"name": "aws-controltower-BaselineConfigRecorder", "roleARN": role, "recordingGroup": {"allSupported": True}})
        target = bucket(kw, region, f"aws-controltower-logs-{account['id']}-{region}")
        cfg.put_delivery_channel(DeliveryChannel={"name": "aws-controltower-BaselineConfigDeliveryChannel", "s3BucketName": target})
        cfg.start_configuration_recorder(ConfigurationRecorderName="aws-controltower-BaselineConfigRecorder")
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{spec['managementAccountId']}:root"}, "Action": "sts:AssumeRole"}]})
    for name in existing.get("roles", []):
        client(kw, "iam", home).create_role(RoleName=name, AssumeRolePolicyDocument=trust)
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
    result["internetGateways"] = {}
    for region in spec["regions"]:
        gateways = client(kw, "ec2", region).describe_internet_gateways()["InternetGateways"]
        result["internetGateways"][region] = sorted(a["VpcId"] for g in gateways for a in g.get("Attachments", []) if a.get("State") in ("available", "attached"))
    return result


def targets_by_name(spec):
    """Target ids by the names the scenario uses: Root, OU paths, account names."""
    org = boto3.client("organizations", region_name="us-east-1", **BASE)
    root = org.list_roots()["Roots"][0]["Id"]
    return root, {"Root": root, **spec["ous"], **spec["accounts"]}


def seed_organization():
    """What the organization has run for years: policy types, policies and their attachments, delegated administrators."""
    org = boto3.client("organizations", region_name="us-east-1", **BASE)
    root, ids = targets_by_name(spec)
    for principal in spec.get("trustedAccess", []):
        org.enable_aws_service_access(ServicePrincipal=principal)
    enabled = {t["Type"] for t in org.list_roots()["Roots"][0].get("PolicyTypes", []) if t["Status"] == "ENABLED"}
    for policy_type in spec.get("policyTypes", []):
        if policy_type not in enabled:
            org.enable_policy_type(RootId=root, PolicyType=policy_type)
    created = {}
    for policy in spec.get("policies", []):
        pid = org.create_policy(Name=policy["name"], Type=policy["type"], Content=policy["content"], Description="made before the landing zone")["Policy"]["PolicySummary"]["Id"]
        created[policy["name"]] = pid
        for target in policy["targets"]:
            org.attach_policy(PolicyId=pid, TargetId=ids[target])
    for admin in spec.get("delegatedAdministrators", []):
        account_id = ids[admin["account"]]
        regions = admin.get("regions")
        if regions and admin["service"] == "guardduty.amazonaws.com":
            # GuardDuty designates through its own API, per Region; it registers the account in Organizations too.
            for region in regions:
                boto3.client("guardduty", region_name=region, **BASE).enable_organization_admin_account(AdminAccountId=account_id)
        org.register_delegated_administrator(AccountId=account_id, ServicePrincipal=admin["service"])
    return {"rootId": root, "policies": created}


def inspect_organization():
    org = boto3.client("organizations", region_name="us-east-1", **BASE)
    root, ids = targets_by_name(spec)
    types = sorted(t["Type"] for t in org.list_roots()["Roots"][0].get("PolicyTypes", []) if t["Status"] == "ENABLED")
    policies = {}
    for policy_type in types:
        for p in org.list_policies(Filter=policy_type)["Policies"]:
            policies[p["Name"]] = sorted(t["TargetId"] for t in org.list_targets_for_policy(PolicyId=p["Id"])["Targets"])
    admins = []
    for a in org.list_delegated_administrators()["DelegatedAdministrators"]:
        for service in org.list_delegated_services_for_account(AccountId=a["Id"])["DelegatedServices"]:
            admins.append([service["ServicePrincipal"], a["Id"]])
    guardduty = {region: sorted(x["AdminAccountId"] for x in boto3.client("guardduty", region_name=region, **BASE).list_organization_admin_accounts()["AdminAccounts"]) for region in spec["regions"]}
    access = sorted(p["ServicePrincipal"] for p in org.list_aws_service_access_for_organization()["EnabledServicePrincipals"])
    trails = sorted(t["Name"] for t in boto3.client("cloudtrail", region_name=spec["region"], **BASE).describe_trails(includeShadowTrails=False)["trailList"] if t.get("IsOrganizationTrail"))
    return {"rootId": root, "policyTypes": types, "policies": policies, "delegatedAdministrators": sorted(admins), "guardDutyAdmins": guardduty, "trustedAccess": access, "organizationTrails": trails}


if spec["mode"] == "organization":
    json.dump(seed_organization(), sys.stdout)
elif spec["mode"] == "inspect-organization":
    json.dump(inspect_organization(), sys.stdout)
elif spec["mode"] == "seed":
    json.dump({a["name"]: seed(a) for a in spec["accounts"]}, sys.stdout)
elif spec["mode"] == "inspect":
    json.dump({a["name"]: inspect(a) for a in spec["accounts"]}, sys.stdout)
else:
    raise SystemExit(f"unknown mode {spec['mode']!r}")
