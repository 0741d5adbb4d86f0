import { listenOnLoopback, passTo } from './loopback-server';

/**
 * A loopback HTTP forward proxy that sends every request to one emulator port, whatever its host.
 *
 * Why: S3 Control puts the account id in front of the endpoint's host
 * (`123456789012.127.0.0.1:<port>`, the SDK's host prefix), a name nothing resolves. Terraform's
 * provider honours HTTP_PROXY for such names, and Go sends requests to loopback addresses (the
 * plain emulator endpoint) directly, so with HTTP_PROXY pointing here only the prefixed calls come
 * through this proxy, and they reach moto with their path, headers and body unchanged.
 */
export interface ForwardProxy {
  /** http://127.0.0.1:<port>, the value for HTTP_PROXY. */
  readonly url: string;
  /** Hosts the proxy has seen (to show which calls needed it). */
  readonly hosts: ReadonlySet<string>;
  close(): Promise<void>;
}

export async function startForwardProxy(targetPort: number): Promise<ForwardProxy> {
  const hosts = new Set<string>();
  const server = await listenOnLoopback((req, res) => {
    // A proxy request line carries an absolute URL (`http://<host>/<path>`); keep only the path.
    // (Not parsed with URL: a host like 123456789012.127.0.0.1 is an invalid IPv4 address to it.)
    const [, host = '', path = '/'] = /^[a-z]+:\/\/([^/]*)(\/.*)?$/i.exec(req.url ?? '') ?? [undefined, req.headers.host, req.url];
    hosts.add(host);
    passTo(targetPort, 'forward proxy', req, res, path);
  });
  return { ...server, hosts };
}
