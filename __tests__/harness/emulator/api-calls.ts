import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The AWS API calls the provider made, read from a Terraform debug log (`TF_LOG=debug`, `TF_LOG_PATH`):
 * `"<SDK service id>:<operation>"` (e.g. `"S3:GetBucketPolicy"`, `"Config Service:DescribeConfigurationRecorders"`),
 * each with the Terraform types it was made for (`aws_s3_bucket`, `data.aws_iam_role`, `provider` for the
 * provider's own start-up calls), both sorted.
 */
export type ApiCalls = Record<string, string[]>;

/** A log record starts with its timestamp; a record may span lines (request bodies). */
const RECORD_START = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;

function field(record: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/\./g, '\\.')}=("(?:[^"\\\\]|\\\\.)*"|\\S+)`).exec(record);
  if (!m) return undefined;
  return m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : m[1];
}

/**
 * One request of the AWS SDK for Go v2 as aws-sdk-go-base logs it ("HTTP Request Sent" with `rpc.service`
 * and `rpc.method`), or undefined for any other record. The method falls back to the query protocol's
 * `Action=` or the JSON protocol's `X-Amz-Target` when the record lacks it.
 */
export function requestOfRecord(record: string): { call: string; type: string } | undefined {
  if (!record.includes('HTTP Request Sent')) return undefined;
  const service = field(record, 'rpc.service');
  const method = field(record, 'rpc.method') ?? /[?&\s"]Action=(\w+)/.exec(record)?.[1] ?? field(record, 'http.request.header.x_amz_target')?.split('.').pop();
  if (!service || !method) throw new Error(`a provider request without its service or operation in the debug log: ${record.slice(0, 400)}`);
  const resource = field(record, 'tf_resource_type');
  const data = field(record, 'tf_data_source_type');
  const type = resource ?? (data ? `data.${data}` : field(record, 'tf_rpc') === 'ConfigureProvider' ? 'provider' : `(${field(record, 'tf_rpc') ?? 'unknown'})`);
  return { call: `${service}:${method}`, type };
}

/** Calls `fn` for every provider request of one debug log file (read line by line: a plan's debug log runs to hundreds of MB). */
export async function forEachRequestOfLog(file: string, fn: (request: { call: string; type: string }) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let record = '';
  const flush = () => {
    const request = requestOfRecord(record);
    if (request) fn(request);
  };
  for await (const line of lines) {
    if (RECORD_START.test(line)) {
      flush();
      record = line;
    } else {
      record += `\n${line}`;
    }
  }
  flush();
}

/** Adds the calls of one debug log file to `into`. */
export async function addApiCallsOfLog(file: string, into: Map<string, Set<string>>): Promise<void> {
  await forEachRequestOfLog(file, (request) => {
    const types = into.get(request.call) ?? new Set<string>();
    types.add(request.type);
    into.set(request.call, types);
  });
}

/** How many times each call was made in one debug log file, by `"<SDK service id>:<operation>"`. */
export async function countApiCallsOfLog(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await forEachRequestOfLog(file, ({ call }) => counts.set(call, (counts.get(call) ?? 0) + 1));
  return counts;
}

/** The sorted, JSON-ready form of collected calls. */
export function sortedApiCalls(calls: ReadonlyMap<string, ReadonlySet<string>>): ApiCalls {
  return Object.fromEntries([...calls].sort(([a], [b]) => a.localeCompare(b)).map(([call, types]) => [call, [...types].sort()]));
}

/** The union of several call lists. */
export function mergeApiCalls(...lists: readonly ApiCalls[]): ApiCalls {
  const all = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const [call, types] of Object.entries(list)) all.set(call, new Set([...(all.get(call) ?? []), ...types]));
  }
  return sortedApiCalls(all);
}
