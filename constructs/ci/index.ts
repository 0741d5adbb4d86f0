export * from './trust-policies';
export * from './plan-permissions';
export * from './pipeline-role';
export * from './oidc-provider';
export * from './ci-identities';
export * from './member-plan-role';
export * from './plan-reads';
