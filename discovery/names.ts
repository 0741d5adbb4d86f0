/** An account name the config accepts: lowercase letters, digits and hyphens, 2-40 long. */
export function configName(name: string): string {
  let n = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (n.length > 40) n = n.slice(0, 40).replace(/-+$/, '');
  if (n.length < 2) n = `account-${n}`.replace(/-+$/, '');
  return n;
}

/**
 * An OU name a config path can hold. AWS allows any 1-128 characters in an OU name
 * (CreateOrganizationalUnit), the config every one but "/" (the path separator), control characters
 * and leading or trailing spaces; "Root" names the organization root. Anything else is kept as is:
 * spaces, "&", parentheses, non-Latin letters.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateOrganizationalUnit.html
 */
export function ouConfigName(name: string): string {
  let n = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\//g, '-')
    .trim()
    .slice(0, 128)
    .trim();
  if (n === '') n = 'OU';
  if (n.toLowerCase() === 'root') n = `${n}-OU`;
  return n;
}

