export * from './organization';
export * from './organizational-unit';
export * from './member-account';
export * from './account-directory';
