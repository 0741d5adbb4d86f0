import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server on a free 127.0.0.1 port, for the fronts the emulator runs put before moto. */
export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
}

/** Sends a request on to moto on `targetPort` with `path`, and moto's answer back; `label` names the front in a 502. */
export function passTo(targetPort: number, label: string, req: IncomingMessage, res: ServerResponse, path = req.url): void {
  const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`${label}: ${e.message}`);
  });
  req.pipe(upstream);
}

/** Listens on a free loopback port with `handle`; `close()` ends open connections too. */
export async function listenOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
