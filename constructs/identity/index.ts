export * from './identity-center-instance';
export * from './permission-set';
export * from './identity-group';
export * from './account-assignment';
