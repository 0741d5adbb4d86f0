/**
 * How every `aws` provider of the landing zone retries: adaptive mode (the AWS SDK's standard retries plus a
 * client-side rate limiter that slows the provider down when AWS throttles it) and the provider's documented default
 * of 25 attempts, written out so a reviewer sees it. AWS Organizations and the account-management API throttle a
 * whole organization's callers together (`TooManyRequestsException` on DescribeAccount, ListParents,
 * GetAlternateContact from a few dozen to a few hundred accounts); in adaptive mode a throttled plan waits and
 * retries instead of failing. The provider block's arguments win over AWS_RETRY_MODE and AWS_MAX_ATTEMPTS, so the
 * behaviour is the same on every runner.
 * @see https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs#retry_mode
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const PROVIDER_RETRIES = { retryMode: 'adaptive', maxRetries: 25 } as const;
