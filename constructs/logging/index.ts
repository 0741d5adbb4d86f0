export * from './log-archive-key';
export * from './log-archive-bucket';
