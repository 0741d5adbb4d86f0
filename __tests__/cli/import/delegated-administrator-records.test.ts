import { delegatedAdministratorEntries, mergeDelegatedAdministrators } from '../../../cli/import/delegated-administrator-records';

const NAMES = new Map([
  ['333333333333', 'audit'],
  ['444444444444', 'shop-prod'],
]);
const ALL_READ = { organizations: false, regions: {} };

describe('delegatedAdministratorEntries', () => {
  it('names accounts by their config name, keeps regions only for the per-Region services, and leaves out accounts not in the file', () => {
    const { entries, leftOut } = delegatedAdministratorEntries(
      {
        administrators: [
          { accountId: '444444444444', service: 'backup.amazonaws.com' },
          { accountId: '333333333333', service: 'guardduty.amazonaws.com', regions: ['us-east-1'] },
          { accountId: '111111111111', service: 'detective.amazonaws.com', regions: ['eu-west-1'] },
          { accountId: '555555555555', service: 'sso.amazonaws.com' },
        ],
        failures: [],
        unread: ALL_READ,
      },
      NAMES,
      '111111111111',
    );
    expect(entries).toEqual([
      { service: 'backup.amazonaws.com', account: 'shop-prod' },
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1'] },
    ]);
    expect(leftOut).toEqual(['detective.amazonaws.com → the management account 111111111111', 'sso.amazonaws.com → account 555555555555']);
  });
});

describe('mergeDelegatedAdministrators', () => {
  const previous = [
    { service: 'backup.amazonaws.com', account: 'shop-prod' },
    { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1', 'eu-west-1'] },
  ];

  it('writes what was read when everything was read: a record that is gone goes', () => {
    expect(mergeDelegatedAdministrators([{ service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1'] }], previous, ALL_READ)).toEqual([
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1'] },
    ]);
  });

  it('keeps a Region the file records where that Region\'s list could not be read', () => {
    const read = [{ service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1'] }];
    expect(mergeDelegatedAdministrators(read, previous, { organizations: false, regions: { 'guardduty.amazonaws.com': ['eu-west-1'] } })).toEqual([
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: ['us-east-1', 'eu-west-1'] },
    ]);
  });

  it('keeps every registration the file records when Organizations\' list could not be read', () => {
    expect(mergeDelegatedAdministrators([], previous, { organizations: true, regions: {} })).toEqual([
      { service: 'backup.amazonaws.com', account: 'shop-prod' },
      { service: 'guardduty.amazonaws.com', account: 'audit', regions: [] },
    ]);
  });
});
