/**
 * The names of the reads `lz import --skip` can leave out. Its own file so the command line can list them
 * without loading the discovery code and the AWS SDK clients behind it.
 */
export const SKIPPABLE = [
  'config-recorders',
  'guardduty',
  'security-hub',
  'trails',
  'access-analyzer',
  'ebs-encryption',
  'password-policy',
  's3-public-access-block',
  'alternate-contacts',
  'budgets',
  'service-roles',
  'identity-center',
  'control-tower',
  'delegated-administrators',
  'guardduty-admin',
  'security-hub-admin',
  'macie-admin',
  'inspector-admin',
  'detective-admin',
] as const;
export type Skippable = (typeof SKIPPABLE)[number];
