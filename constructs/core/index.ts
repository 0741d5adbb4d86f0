export * from './backend';
export * from './providers';
export * from './adopt-existing';
