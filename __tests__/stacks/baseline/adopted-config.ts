import { minimalConfig } from '../../harness/config';
import type { LandingZoneConfig } from '../../../config/schema';

/*
 * A brownfield organization as `lz import` would describe it: the management account and the shop-prod workload
 * account run a Config recorder in both governed regions (a delivery channel only in the home region), a password
 * policy, S3 account public access block, EBS encryption by default, alternate contacts, the landing zone's budget
 * and an account analyzer; the security account runs a GuardDuty detector in both regions; the management account
 * also has the landing zone's organization trail. Every `adopt` field is set on the management account and shop-prod.
 */

export const SHOP_PROD_ID = '222222222222';
export const SECURITY_ID = '333333333333';
const CONTACT = { name: 'Ops', title: 'Platform team', email: 'ops@acme.example', phone: '+1-555-0100' };

function everyField(budget: string) {
  return {
    configRecorders: {
      'us-east-1': { recorder: 'corp-recorder', deliveryChannel: 'corp-channel' },
      'ap-northeast-1': { recorder: 'corp-recorder-apne1' },
    },
    guardDutyDetectors: { 'us-east-1': 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    securityHub: ['us-east-1'],
    accessAnalyzers: { 'us-east-1': 'corp-analyzer' },
    passwordPolicy: true,
    ebsEncryptionByDefault: ['ap-northeast-1'],
    s3PublicAccessBlock: true,
    alternateContacts: ['SECURITY', 'BILLING'],
    budgets: [budget],
    trails: [{ name: 'corp-audit', region: 'us-east-1', multiRegion: true }],
  };
}

/** The minimal config with every adopt field set on the management account and shop-prod, and the security account's detectors. */
export function adoptedConfig(edit: (input: any) => void = () => {}): LandingZoneConfig {
  return minimalConfig((c) => {
    // Account analyzers everywhere, so the adopted analyzers have a resource to go to.
    c.baseline = { accessAnalyzer: 'always', alternateContacts: { security: CONTACT } };
    c.organization.alternateContacts = { billing: CONTACT, security: CONTACT };
    c.organization.adopt = everyField('acme-organization-monthly-cost');
    c.organization.adopt.trails.push({ name: 'acme-organization-trail', region: 'us-east-1', organization: true, multiRegion: true });
    const shop = c.accounts.find((a: any) => a.name === 'shop-prod');
    shop.id = SHOP_PROD_ID;
    shop.adopt = everyField('shop-prod-monthly-cost');
    const security = c.accounts.find((a: any) => a.name === 'security');
    security.id = SECURITY_ID;
    security.adopt = { guardDutyDetectors: { 'us-east-1': '0123456789abcdef0123456789abcdef', 'ap-northeast-1': 'fedcba9876543210fedcba9876543210' } };
    edit(c);
  });
}
