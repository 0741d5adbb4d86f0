export * from './backend';
export * from './providers';
