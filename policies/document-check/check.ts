import { checkAiOptOutDocument } from './ai-opt-out';
import { checkBackupDocument } from './backup';
import { checkDeclarativeDocument } from './declarative-ec2';
import { checkIamDocument } from './iam-grammar';
import { checkTagDocument } from './tag';
import type { DocumentFinding, DocumentKind } from './types';

/**
 * Every problem of one policy document, whoever wrote it (a custom guardrail file or inline document, a permission set's
 * inline policy): the grammar of its kind and what AWS would refuse or what would never do what it says, each with the
 * path inside the document, the value, the fix and AWS's page.
 */
export function checkPolicyDocument(kind: DocumentKind, document: Record<string, unknown>): DocumentFinding[] {
  switch (kind) {
    case 'scp':
    case 'rcp':
    case 'permissionSet':
      return checkIamDocument(kind, document);
    case 'declarative':
      return checkDeclarativeDocument(document);
    case 'backup':
      return checkBackupDocument(document);
    case 'tag':
      return checkTagDocument(document);
    case 'aiOptOut':
      return checkAiOptOutDocument(document);
  }
}
