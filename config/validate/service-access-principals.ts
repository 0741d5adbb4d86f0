import type { Rule } from './rule';
import type { Problem } from '../problems';
import { didYouMean, show } from '../problems';
import { ORGANIZATIONS_SERVICE_PRINCIPALS, ORGANIZATIONS_SERVICES_SOURCE } from '../aws-data/organizations-services';

/**
 * `organization.additionalServiceAccessPrincipals` names services that integrate with AWS Organizations, each once.
 * The organization's trusted-access list is authoritative (aws_service_access_principals): Terraform enables every
 * principal of it, and EnableAWSServiceAccess refuses a principal that is not an integrated service, so one typo
 * fails the management stack's update of the organization (and with it every trusted-access change of that apply).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_EnableAWSServiceAccess.html
 */
export const checkServiceAccessPrincipals: Rule = ({ organization }) => {
  const problems: Problem[] = [];
  const known = Object.keys(ORGANIZATIONS_SERVICE_PRINCIPALS);
  const list = organization.additionalServiceAccessPrincipals;
  list.forEach((principal, i) => {
    const path = ['organization', 'additionalServiceAccessPrincipals', i];
    const first = list.indexOf(principal);
    if (first !== i) {
      problems.push({ path, message: `${show(principal)} is already listed at additionalServiceAccessPrincipals[${first}]; list each principal once` });
      return;
    }
    if (principal in ORGANIZATIONS_SERVICE_PRINCIPALS) return;
    // Compared without the common .amazonaws.com, and not for short names, where one letter is another service (ec2, eks).
    const service = principal.replace(/\.amazonaws\.com$/, '');
    const hint = service.length >= 5 ? didYouMean(service, known.map((k) => k.replace(/\.amazonaws\.com$/, ''))).replace(/"\?$/, '.amazonaws.com"?') : '';
    problems.push({
      path,
      message:
        `${show(principal)} is not the service principal of an AWS service that integrates with Organizations, and the trusted-access list is authoritative: ` +
        `enabling it fails the management stack's update of the organization${hint || '; remove it, or write the principal the service\'s page gives'} ` +
        `(${ORGANIZATIONS_SERVICES_SOURCE}; if AWS added the service since, add it to config/aws-data/organizations-services.ts)`,
    });
  });
  return problems;
};
