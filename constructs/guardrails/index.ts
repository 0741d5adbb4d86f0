export * from './organization-policy';
export * from './policy-attachment';
