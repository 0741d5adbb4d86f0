/**
 * IAM-grammar policy documents (IAM, bucket, key, SCP, RCP) as typed TypeScript values,
 * rendered to minified JSON text at synth time so their size and effect are known before
 * Terraform runs. Terraform references (tokens) inside strings are allowed.
 */

export type OneOrMany<T> = T | T[];

export type Principal = '*' | { AWS?: OneOrMany<string>; Service?: OneOrMany<string>; Federated?: OneOrMany<string> };

export type ConditionBlock = Record<string, Record<string, OneOrMany<string | boolean | number>>>;

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Principal;
  NotPrincipal?: Principal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

export function policyDocument(...statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** Minified JSON text, the form AWS counts against size quotas. */
export function renderPolicy(doc: PolicyDocument): string {
  return JSON.stringify(doc);
}

/** Denies any request to `resources` that does not use TLS. */
export function denyInsecureTransport(resources: string[], sid = 'DenyInsecureTransport'): Statement {
  return {
    Sid: sid,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}
