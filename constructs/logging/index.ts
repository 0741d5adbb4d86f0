export * from './log-archive-key';
export * from './log-archive-bucket';
export * from './organization-trail';
export * from './organization-event-data-store';
export * from './forgotten-trail';
export * from './guardduty-export';
