export * from './organization';
export * from './organizational-unit';
export * from './member-account';
export * from './closed-account';
export * from './account-directory';
export * from './delegated-administrator';
export * from './service-administrator';
export * from './root-access-management';
