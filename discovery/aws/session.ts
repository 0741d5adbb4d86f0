import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { reason } from './errors';

/** Static credentials (the shape the SDK clients accept). */
export interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/**
 * How the SDK clients of discovery retry: adaptive mode (standard retries plus client-side rate limiting once AWS
 * throttles), 6 attempts a call. Discovery makes many small reads across every account of the organization, and
 * Organizations throttles the whole organization's callers together; the provider's own setting is PROVIDER_RETRIES
 * (constructs/core/api-retries.ts).
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export const SDK_CLIENT_RETRIES = { retryMode: 'adaptive', maxAttempts: 6 } as const;

/** An SDK client class: `new C({ region, credentials, retryMode, maxAttempts })`, destroyed after use. */
export interface ClientClass<C> {
  new (config: { region: string; credentials?: AwsCredentialIdentity; retryMode?: string; maxAttempts?: number }): C;
}

/** More client configuration for one service (the same for every region and account). */
export type ClientExtras = Record<string, unknown>;

/**
 * Credentials for one account and the clients made with them, one per service and region. The SDK reads
 * AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) itself, so an emulator can stand in for AWS.
 */
export class AccountSession {
  private readonly clients = new Map<unknown, Map<string, { destroy(): void }>>();

  constructor(
    readonly accountId: string,
    /** Role assumed in the account; undefined: the caller's own credentials (the management account). */
    readonly role?: string,
    private readonly credentials?: AwsCredentialIdentity,
  ) {}

  /** The client of `service` in `region`, made once; `extras` are more client settings for that service. */
  client<C extends { destroy(): void }>(service: ClientClass<C>, region: string, extras: ClientExtras = {}): C {
    let byRegion = this.clients.get(service);
    if (!byRegion) this.clients.set(service, (byRegion = new Map()));
    let client = byRegion.get(region) as C | undefined;
    if (!client) {
      client = new service({ region, ...SDK_CLIENT_RETRIES, ...(this.credentials ? { credentials: this.credentials } : {}), ...extras });
      byRegion.set(region, client);
    }
    return client;
  }

  /** Closes every client (their sockets). */
  close(): void {
    for (const byRegion of this.clients.values()) for (const client of byRegion.values()) client.destroy();
    this.clients.clear();
  }
}

/** An account that could not be reached through any of the roles tried. */
export class UnreachableAccountError extends Error {
  constructor(readonly accountId: string, readonly attempts: ReadonlyArray<{ role: string; reason: string }>) {
    super(attempts.map((a) => `AssumeRole ${a.role}: ${a.reason}`).join('; '));
    this.name = 'UnreachableAccountError';
  }
}

/**
 * A session in a member account: sts:AssumeRole into `arn:aws:iam::<id>:role/<role>` with the caller's
 * (management account's) credentials, trying `roles` in order (the access role, then Control Tower's
 * execution role, or the other way round for an enrolled account). STS is called in `region`, whose
 * session tokens are valid in every region the account has enabled.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export async function assumeAccountRole(accountId: string, roles: readonly string[], region: string, partition = 'aws'): Promise<AccountSession> {
  const sts = new STSClient({ region, ...SDK_CLIENT_RETRIES });
  const attempts: Array<{ role: string; reason: string }> = [];
  try {
    for (const role of roles) {
      try {
        const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:${partition}:iam::${accountId}:role/${role}`, RoleSessionName: 'lz-import-discovery' }));
        const c = out?.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) {
          attempts.push({ role, reason: 'STS returned no credentials' });
          continue;
        }
        return new AccountSession(accountId, role, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration });
      } catch (e) {
        attempts.push({ role, reason: reason(e) });
      }
    }
  } finally {
    sts.destroy();
  }
  throw new UnreachableAccountError(accountId, attempts);
}
