import { z } from 'zod';
import { Region } from './common';

/*
 * What an existing account already runs, as `lz import` found it (accounts[].adopt for a member account,
 * organization.adopt for the management account). Synthesis turns every entry into a Terraform `import`
 * block for the resource the landing zone manages anyway (or gives that resource the existing name), so
 * the first plan shows "import" (and the in-place changes the landing zone makes) instead of a create
 * that AWS would refuse or that would silently overwrite. Nothing here creates anything by itself.
 * Keep the entries after the first apply: they are the record of what was adopted (an import of what is
 * already in state is a no-op), and the recorder and channel names stay what AWS has.
 */

const RegionMap = <T extends z.ZodType>(value: T) => z.partialRecord(Region, value);

/**
 * AWS Config names (recorder and delivery channel): 1-256 characters, no leading or trailing space.
 * @see https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html
 */
const ConfigName = z
  .string()
  .regex(/^\S(?:.{0,254}\S)?$/, { error: 'is not an AWS Config name: 1-256 characters without leading or trailing spaces' });

export const AdoptedConfigRecorder = z
  .strictObject({
    recorder: ConfigName.describe('Name of the existing configuration recorder (AWS allows one per account and region). The landing zone keeps this name.'),
    deliveryChannel: ConfigName.optional().describe('Name of the existing delivery channel (one per account and region). Absent: the account has none, the landing zone creates one.'),
  })
  .describe('The existing AWS Config recorder (and delivery channel) of one region.');

/** GuardDuty detector ids: lowercase letters and digits (32 in AWS). */
const DetectorId = z.string().regex(/^[a-z0-9]{1,300}$/, { error: 'is not a GuardDuty detector id (lowercase letters and digits, e.g. "12abc34d567e8fa901bc2d34e56789f0")' });

/** Access Analyzer names: a letter, then letters, digits, "_", "." and "-", at most 255. */
const AnalyzerName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,254}$/, { error: 'is not an Access Analyzer name (a letter, then letters, digits, "_", "." or "-")' });

/** Budget names: 1-100 characters without ":" and "\\". */
const BudgetName = z.string().regex(/^[^:\\]{1,100}$/, { error: 'is not a budget name (1-100 characters, no ":" or "\\")' });

export const ALTERNATE_CONTACT_TYPES = ['BILLING', 'OPERATIONS', 'SECURITY'] as const;

export const AdoptedTrail = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/, { error: 'is not a CloudTrail trail name (3-128 letters, digits, ".", "_" and "-")' }).describe('Trail name.'),
  region: Region.describe('Home region of the trail.'),
  organization: z.boolean().default(false).describe('An organization trail (it logs every account).'),
  multiRegion: z.boolean().default(false).describe('The trail logs every region.'),
  managementEvents: z.boolean().default(true).describe('The trail records management events (its event selectors); false: data events only.'),
  takeOver: z
    .boolean()
    .optional()
    .describe(
      'For an organization trail of the management account that records management events: true, the landing zone takes it over as its organization trail (imported under this name, then delivered to the log archive with the landing zone\'s settings); false, it is left alone and the landing zone makes no second trail recording management events (only a data-events trail when logging.trail asks for data events). lz import writes false.',
    ),
});

export const AdoptSchema = z
  .strictObject({
    configRecorders: RegionMap(AdoptedConfigRecorder)
      .default({})
      .describe('Per region, the Config recorder and delivery channel that already exist: imported and kept under their names, never a second one.'),
    guardDutyDetectors: RegionMap(DetectorId).default({}).describe('Per region, the id of the account\'s existing GuardDuty detector (one per account and region).'),
    securityHub: z.array(Region).default([]).describe('Regions where Security Hub is already enabled in the account (imported where the landing zone enables it).'),
    accessAnalyzers: RegionMap(AnalyzerName).default({}).describe('Per region, the existing account analyzer (zone of trust: the account) the baseline adopts instead of creating another.'),
    passwordPolicy: z.boolean().default(false).describe('The account already has an IAM password policy (imported, then set to the baseline\'s).'),
    ebsEncryptionByDefault: z.array(Region).default([]).describe('Regions where EBS encryption by default is already on (imported).'),
    s3PublicAccessBlock: z.boolean().default(false).describe('The account already has an S3 account-level public access block (imported).'),
    alternateContacts: z
      .array(z.enum(ALTERNATE_CONTACT_TYPES, { error: 'must be BILLING, OPERATIONS or SECURITY' }))
      .default([])
      .describe('Alternate contact types already set (imported, then set to the config\'s).'),
    budgets: z.array(BudgetName).default([]).describe('Budgets with the landing zone\'s names that already exist (imported instead of refused as duplicates).'),
    trails: z
      .array(AdoptedTrail)
      .default([])
      .describe('Trails the account already has. One named like the landing zone\'s organization trail is imported; the others are left alone and counted against the 5 trails per region.'),
  })
  .describe('What the account already runs, written by lz import: each entry becomes an import block (docs/operations.md, "Taking over an existing organization").');

export type AdoptConfig = z.infer<typeof AdoptSchema>;
export type AdoptedTrailConfig = z.infer<typeof AdoptedTrail>;
