import { stringify } from 'yaml';
import { problemsOf } from '../../harness/config';
import { takeoverConfig, takeoverInput } from '../../stacks/takeover/takeover-config';

// The meaning checks of a takeover (issue 20): what lz import records about an organization that has run for years
// (existing policies, delegated administrators, organization trails, Control Tower enrolment) against what the
// landing zone would make. Every problem says where, what and how to fix it, all at once.

/** The takeover organization edited, as YAML text (so problemsOf reports lines). */
function yamlWith(edit: (c: any) => void): string {
  const c = takeoverInput();
  edit(c);
  return stringify(c);
}

describe('takeover validation', () => {
  it('accepts the organization as lz import records it', () => {
    expect(takeoverConfig().guardrails.existing).toHaveLength(5);
  });

  describe('existing policies and adopted ones', () => {
    it('fails a policy of the landing zone\'s name that is not adopted: AWS refuses a second of the same name', () => {
      const text = yamlWith((c) => c.guardrails.existing.push({ id: 'p-logs000001', name: 'protect-log-archive', type: 'SERVICE_CONTROL_POLICY', targets: [] }));
      expect(problemsOf(text)).toMatch(
        /guardrails\.existing\[5\]\.name \(line \d+\): a SERVICE_CONTROL_POLICY named "protect-log-archive" exists already \(p-logs000001\) and the landing zone makes one of the same name, which AWS refuses \(DuplicatePolicyException\); adopt it with id: p-logs000001 on the guardrail entry that makes "protect-log-archive" \(lz import does\), or give that entry another name/,
      );
    });

    it('fails targets that are not in the file, an id listed twice, and an adoption of an unknown, mistyped or doubly adopted policy, all at once', () => {
      const message = problemsOf(
        yamlWith((c) => {
          c.guardrails.existing[1].targets = ['Workload/Prod'];
          c.guardrails.existing.push({ ...c.guardrails.existing[2] });
          c.guardrails.scp.push({ file: 'x.json', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }, targets: ['Workloads/Dev'], id: 'p-nothere00' });
          c.guardrails.backup = [{ name: 'ours', document: { plans: {} }, targets: ['Workloads/Dev'], id: 'p-custom0002' }];
        }),
      );
      expect(message).toMatch(/guardrails\.existing\[1\]\.targets\[0\] \(line \d+\): "Workload\/Prod" is not Root, an OU of organizationalUnits or an account of this file; did you mean "Workloads\/Prod"\?/);
      expect(message).toMatch(/guardrails\.existing\[5\]\.id \(line \d+\): "p-custom0002" is already listed at guardrails\.existing\[2\]; list each policy once with all its targets/);
      expect(message).toMatch(/guardrails\.scp\[1\]\.id \(line \d+\): "p-nothere00" is not a policy of guardrails\.existing; run lz import to record the organization's policies \(with their attachments\), or remove id/);
      expect(message).toMatch(/guardrails\.backup\[0\]\.id \(line \d+\): "p-custom0002" \(corp-prod-limits\) is a SERVICE_CONTROL_POLICY, not a BACKUP_POLICY; move the entry to the section of its type, or remove id/);
    });

    it('fails an adoption on a new organization, and an attachment to import without the root id', () => {
      expect(problemsOf(yamlWith((c) => delete c.organization.rootId))).toMatch(
        /guardrails\.scp\[0\]\.id \(line \d+\): deny-leave-organization is attached to Root already; importing that attachment needs organization\.rootId \(lz import writes it\)/,
      );
      const greenfield = problemsOf(
        yamlWith((c) => {
          delete c.organization.id;
          delete c.organization.rootId;
          c.organization.ouIds = {};
        }),
      );
      expect(greenfield).toMatch(/guardrails\.scp\[0\]\.id \(line \d+\): adopts an existing policy, but the organization is created by the landing zone \(no organization\.id\), so no policy exists yet; remove id/);
    });
  });

  describe('delegated administrators', () => {
    it('fails a single-administrator service held by another account, naming it and how to move it in each Region', () => {
      const message = problemsOf(
        yamlWith((c) => {
          c.organization.delegatedAdministrators[0] = { service: 'guardduty.amazonaws.com', account: 'log-archive', regions: ['us-east-1', 'ap-northeast-1'] };
        }),
      );
      expect(message).toMatch(
        /organization\.delegatedAdministrators\[0\]\.account \(line \d+\): log-archive \(444444444444\) is GuardDuty's delegated administrator, and AWS allows one per organization \(https:\/\/docs\.aws\.amazon\.com\/guardduty\/latest\/ug\/guardduty_organizations\.html\), so designating the security account "security" would fail; move it: from the management account run `aws guardduty disable-organization-admin-account --admin-account-id 444444444444 --region us-east-1`, `aws guardduty disable-organization-admin-account --admin-account-id 444444444444 --region ap-northeast-1`, then lz import again; or make log-archive the security account \(role: security\); or switch GuardDuty off in the security section/,
      );
    });

    it('accepts another account holding a service the landing zone does not delegate, or one that allows several', () => {
      expect(() => takeoverConfig((c) => c.organization.delegatedAdministrators.push({ service: 'cloudtrail.amazonaws.com', account: 'log-archive' }))).not.toThrow();
    });

    it('fails unknown accounts, new accounts, doubles, and Regions for a service designated once', () => {
      const message = problemsOf(
        yamlWith((c) => {
          c.organization.delegatedAdministrators.push(
            { service: 'backup.amazonaws.com', account: 'shop-prd' },
            { service: 'backup.amazonaws.com', account: 'shop-dev' },
            { service: 'config.amazonaws.com', account: 'security' },
            { service: 'cloudtrail.amazonaws.com', account: 'log-archive', regions: ['us-east-1'] },
          );
        }),
      );
      expect(message).toMatch(/delegatedAdministrators\[4\]\.account \(line \d+\): "shop-prd" is not an account of this file; did you mean "shop-prod"\?/);
      expect(message).toMatch(/delegatedAdministrators\[5\]\.account \(line \d+\): "shop-dev" has no id, so the landing zone creates it and it cannot be a delegated administrator yet/);
      expect(message).toMatch(/delegatedAdministrators\[6\] \(line \d+\): security is already listed for config\.amazonaws\.com at organization\.delegatedAdministrators\[1\]; list it once, with all its Regions/);
      expect(message).toMatch(/delegatedAdministrators\[7\]\.regions \(line \d+\): CloudTrail designates its delegated administrator once for the organization, not per Region; remove regions/);
    });
  });

  describe('organization trails', () => {
    it('fails an organization trail recording management events without a decision, with both choices', () => {
      expect(problemsOf(yamlWith((c) => delete c.organization.adopt.trails[0].takeOver))).toMatch(
        /organization\.adopt\.trails\[0\] \(line \d+\): "corp-org-trail" is an organization trail that records management events; the landing zone never makes a second one \(double cost, one of 5 trails per Region\), so say what to do with it: takeOver: true makes it the landing zone's organization trail/,
      );
    });

    it('fails two trails taken over, one in another Region, one beside Control Tower\'s, and takeOver where it decides nothing', () => {
      const message = problemsOf(
        yamlWith((c) => {
          c.organization.adopt.trails = [
            { name: 'corp-org-trail', region: 'us-east-1', organization: true, multiRegion: true, takeOver: true },
            { name: 'corp-org-trail-2', region: 'ap-northeast-1', organization: true, multiRegion: true, takeOver: true },
            { name: 'corp-data', region: 'us-east-1', organization: true, multiRegion: true, managementEvents: false, takeOver: false },
          ];
        }),
      );
      expect(message).toMatch(/trails\[1\]\.takeOver \(line \d+\): "corp-org-trail-2" lives in ap-northeast-1 and the landing zone's trail is made in organization\.homeRegion us-east-1/);
      expect(message).toMatch(/trails\[1\]\.takeOver \(line \d+\): "corp-org-trail" is taken over already \(trails\[0\]\); the landing zone has one organization trail: set takeOver: false on "corp-org-trail-2"/);
      expect(message).toMatch(/trails\[2\]\.takeOver \(line \d+\): takeOver decides about an organization trail of the management account that records management events under a name of its own; "corp-data" is not one \(data events only\); remove takeOver/);
    });
  });

  describe('Control Tower enrolment', () => {
    const withControlTower = (enrolled: string[]) =>
      yamlWith((c) => {
        c.controlTower = { homeRegion: 'us-east-1', governedRegions: ['us-east-1', 'ap-northeast-1'], registeredOus: ['Workloads/Prod', 'Workloads/Dev'], enrolledAccounts: enrolled };
      });

    it('fails enrolled accounts that Control Tower cannot have enrolled: unknown, created by the landing zone, outside a registered OU, twice', () => {
      const message = problemsOf(withControlTower(['shop-prd', 'shop-dev', 'security', 'shop-prod', 'shop-prod']));
      expect(message).toMatch(/controlTower\.enrolledAccounts\[0\] \(line \d+\): "shop-prd" is not an account of this file; did you mean "shop-prod"\?/);
      expect(message).toMatch(/controlTower\.enrolledAccounts\[1\] \(line \d+\): "shop-dev" has no id: the landing zone creates it, and CreateAccount does not enroll an account in Control Tower; remove it here/);
      expect(message).toMatch(/controlTower\.enrolledAccounts\[2\] \(line \d+\): "security" is in OU "Security", which is not in controlTower\.registeredOus; Control Tower enrolls accounts of registered OUs only/);
      expect(message).toMatch(/controlTower\.enrolledAccounts\[4\] \(line \d+\): "shop-prod" is already listed at enrolledAccounts\[3\]; list each account once/);
    });
  });

  it('fails a plan-gate finding acknowledged twice', () => {
    const change = 'destroy/management/aws_organizations_policy_attachment.x';
    expect(problemsOf(yamlWith((c) => (c.reviewPlan = { acknowledge: [{ change, reason: 'moved to an OU' }, { change, reason: 'moved to an OU again' }] })))).toMatch(
      /reviewPlan\.acknowledge\[1\]\.change \(line \d+\): "destroy\/management\/aws_organizations_policy_attachment\.x" is already acknowledged at reviewPlan\.acknowledge\[0\]; keep one entry with one reason/,
    );
  });
});
