/** Size of a policy document as IAM counts it: characters without the white space between JSON tokens. */
export function iamPolicySize(text: unknown): number {
  const s = String(text ?? '');
  try {
    return JSON.stringify(JSON.parse(s)).length;
  } catch {
    return s.replace(/\s+/g, '').length;
  }
}

/** Size in bytes (UTF-8) of a document, as S3 and KMS count policies. */
export function byteSize(text: unknown): number {
  return Buffer.byteLength(String(text ?? ''), 'utf8');
}

/** True when a value holds a Terraform expression, so its final length is only known at apply time. */
export function hasExpression(text: unknown): boolean {
  return typeof text === 'string' && text.includes('${');
}

/** The text with every Terraform expression dropped, to check the literal characters around them. */
export function literalParts(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '');
}
