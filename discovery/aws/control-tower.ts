import { createHash, createHmac } from 'node:crypto';
import { STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from './session';

/*
 * The three AWS Control Tower calls lz import makes (ListLandingZones, GetLandingZone, ListEnabledBaselines),
 * REST-JSON over HTTPS signed with SigV4. The registry's @aws-sdk/client-controltower stops at 3.332, which
 * predates the landing zone APIs (November 2023), so this small client stands in for it.
 * @see https://docs.aws.amazon.com/controltower/latest/APIReference/API_ListLandingZones.html
 * @see https://docs.aws.amazon.com/controltower/latest/APIReference/API_GetLandingZone.html
 * @see https://docs.aws.amazon.com/controltower/latest/APIReference/API_ListEnabledBaselines.html
 */

/** A Control Tower API error: the service's error type (x-amzn-errortype) as `name`. */
export class ControlTowerError extends Error {
  constructor(name: string, message: string, readonly $metadata: { httpStatusCode: number }) {
    super(message);
    this.name = name;
  }
}

/** The landing zone as GetLandingZone returns it; `manifest` is the landing zone's JSON document. */
export interface LandingZoneDetail {
  readonly arn?: string;
  readonly version?: string;
  readonly status?: string;
  readonly manifest?: unknown;
}

export interface EnabledBaselineSummary {
  readonly arn?: string;
  readonly baselineIdentifier?: string;
  readonly targetIdentifier?: string;
  readonly statusSummary?: { readonly status?: string };
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** node:crypto as the hash the signer wants (SHA-256, or HMAC-SHA-256 with a secret). */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** The endpoint: AWS_ENDPOINT_URL_CONTROLTOWER, else AWS_ENDPOINT_URL (as the SDK reads them), else AWS's. */
export function controlTowerEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): URL {
  return new URL(env.AWS_ENDPOINT_URL_CONTROLTOWER ?? env.AWS_ENDPOINT_URL ?? `https://controltower.${region}.amazonaws.com`);
}

/** How long one Control Tower call may take before it counts as failed. */
const CALL_TIMEOUT_MS = 30_000;

/** The caller's credentials from the SDK's default chain (environment, profile, SSO, instance role), read once. */
export function defaultCredentials(region: string): () => Promise<AwsCredentialIdentity> {
  let resolved: Promise<AwsCredentialIdentity> | undefined;
  return () =>
    (resolved ??= (async () => {
      const sts = new STSClient({ region });
      try {
        return await sts.config.credentials();
      } finally {
        sts.destroy();
      }
    })());
}

export class ControlTowerApi {
  /**
   * @param credentials the caller's; @default - the SDK's default chain
   */
  constructor(
    readonly region: string,
    private readonly credentials: () => Promise<AwsCredentialIdentity> = defaultCredentials(region),
  ) {}

  private identity(): Promise<AwsCredentialIdentity> {
    return this.credentials();
  }

  /** POST `path` with a JSON body; the parsed answer, or a ControlTowerError named like the SDK's. */
  async call<T>(path: string, body: Record<string, unknown>): Promise<T> {
    const endpoint = controlTowerEndpoint(this.region);
    const payload = JSON.stringify(body);
    const signer = new SignatureV4({ service: 'controltower', region: this.region, credentials: await this.identity(), sha256: Sha256 });
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    const signed = await signer.sign({
      method: 'POST',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port ? Number(endpoint.port) : undefined,
      path: `${basePath}${path}`,
      query: {},
      headers: { host: endpoint.host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) },
      body: payload,
    });
    const response = await fetch(`${endpoint.origin}${basePath}${path}`, { method: 'POST', headers: signed.headers, body: payload, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 300);
      let name = response.headers.get('x-amzn-errortype')?.split(':')[0] ?? '';
      try {
        const parsed = JSON.parse(text) as { message?: string; Message?: string; __type?: string };
        message = parsed.message ?? parsed.Message ?? message;
        name ||= parsed.__type?.split('#').pop() ?? '';
      } catch {
        // not JSON: keep the text
      }
      throw new ControlTowerError(name || `HTTP${response.status}`, message || `HTTP ${response.status}`, { httpStatusCode: response.status });
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The landing zone ARNs (at most one: a landing zone is a singleton). */
  async listLandingZones(): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.call<{ landingZones?: Array<{ arn?: string }>; nextToken?: string }>('/list-landingzones', nextToken ? { nextToken } : {});
      arns.push(...(out.landingZones ?? []).map((z) => z.arn).filter((a): a is string => Boolean(a)));
      nextToken = out.nextToken;
    } while (nextToken);
    return arns;
  }

  async getLandingZone(arn: string): Promise<LandingZoneDetail> {
    return (await this.call<{ landingZone?: LandingZoneDetail }>('/get-landingzone', { landingZoneIdentifier: arn })).landingZone ?? {};
  }

  async listEnabledBaselines(): Promise<EnabledBaselineSummary[]> {
    const all: EnabledBaselineSummary[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.call<{ enabledBaselines?: EnabledBaselineSummary[]; nextToken?: string }>('/list-enabled-baselines', { maxResults: 100, ...(nextToken ? { nextToken } : {}) });
      all.push(...(out.enabledBaselines ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    return all;
  }
}
