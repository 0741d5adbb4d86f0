export * from './secure-bucket';
export * from './state-writers';
