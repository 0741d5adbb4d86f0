// The policy document checker: one file per concern (types, IAM grammar, resources, condition operators and keys, the
// management policy grammar and each management policy type); check.ts dispatches a document to them.
export { checkPolicyDocument } from './check';
export { formatInnerPath, PAGES, type DocumentFinding, type DocumentKind } from './types';
export { arnsOverlap, globsOverlap } from './resources';
