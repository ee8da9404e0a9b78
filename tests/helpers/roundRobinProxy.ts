import http from 'node:http';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

export interface RoundRobinProxy {
  url: string;
  wsUrl: string;
  /** How many requests and upgrades went to each target. */
  counts: Map<string, number>;
  close(): Promise<void>;
}

/** A target that refused a connection is skipped this long, until its health check says otherwise, in ms. */
const DOWN_FOR_MS = 2_000;
/** Every target's /readyz is asked this often, as a load balancer's health check, in ms. */
const CHECK_EVERY_MS = 500;

/**
 * A plain round-robin load balancer: every HTTP request and every WebSocket upgrade goes to the
 * next target, with no stickiness at all (a client's socket.io and board connections, and each
 * reconnect, land wherever the turn is). A target whose /readyz fails, or that refuses a
 * connection, is skipped, the way a load balancer stops sending to an instance that fails its checks.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ ws: true, xfwd: false });
  // Errors of proxied sockets whose target died are expected here; the callbacks below handle the rest.
  proxy.on('error', () => {});
  const downUntil = new Map<string, number>();
  const counts = new Map<string, number>();
  let turn = 0;
  const next = (): string => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[turn++ % targets.length]!;
      if ((downUntil.get(target) ?? 0) <= Date.now()) {
        counts.set(target, (counts.get(target) ?? 0) + 1);
        return target;
      }
    }
    return targets[turn++ % targets.length]!;
  };
  const markDown = (target: string, ms = DOWN_FOR_MS) => downUntil.set(target, Date.now() + ms);
  // Health checks: a target that is not ready (draining, or gone) gets no new connections.
  const checks = setInterval(() => {
    for (const target of targets) {
      fetch(`${target}/readyz`, { signal: AbortSignal.timeout(CHECK_EVERY_MS * 2) }).then(
        (res) => (res.ok ? downUntil.delete(target) : markDown(target, CHECK_EVERY_MS * 4)),
        () => markDown(target, CHECK_EVERY_MS * 4),
      );
    }
  }, CHECK_EVERY_MS);

  const server = http.createServer((req, res) => {
    const target = next();
    proxy.web(req, res, { target }, () => {
      markDown(target);
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  const upgraded = new Set<import('node:stream').Duplex>();
  server.on('upgrade', (req, socket, head) => {
    const target = next();
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    proxy.ws(req, socket, head, { target }, () => {
      markDown(target);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    counts,
    async close() {
      clearInterval(checks);
      for (const socket of upgraded) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
    },
  };
}
