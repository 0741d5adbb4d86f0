import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import type { AccountSession } from './aws/session';
import { allPages, read } from './read';

/**
 * The names of the account analyzers (type ACCOUNT: zone of trust the account) in the region, the one named
 * `preferred` first (the landing zone's own name), then the others in AWS's order.
 * @see https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListAnalyzers.html
 */
export async function readAccountAnalyzers(session: AccountSession, region: string, preferred: string): Promise<string[]> {
  const client = session.client(AccessAnalyzerClient, region);
  const analyzers = await read(
    region,
    () => allPages((nextToken) => Promise.resolve(client.send(new ListAnalyzersCommand({ type: 'ACCOUNT', nextToken }))).then((r) => ({ items: r?.analyzers, next: r?.nextToken }))),
    [],
    [],
  );
  const names = analyzers.filter((a) => a.name && (a.type ?? 'ACCOUNT') === 'ACCOUNT').map((a) => a.name as string);
  return names.includes(preferred) ? [preferred, ...names.filter((n) => n !== preferred)] : names;
}
