import net from 'node:net';

/**
 * A TCP proxy on loopback that plays venue Wi-Fi for one phone. `pause()` stops
 * all traffic both ways without closing anything (packets just stop
 * arriving; new connections hang), as when a phone walks out of range.
 * `resume()` lets the held traffic through (a short dropout); `reset()` ends
 * every connection (after a long one, the phone's old connections are dead).
 */
export class FlakyNetwork {
  private readonly server: net.Server;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket | null }>();
  private paused = false;
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = net.createServer((client) => {
      const pair: { client: net.Socket; upstream: net.Socket | null } = { client, upstream: null };
      this.pairs.add(pair);
      const forget = () => {
        this.pairs.delete(pair);
        client.destroy();
        pair.upstream?.destroy();
      };
      client.on('error', forget);
      client.on('close', forget);
      const connect = () => {
        const upstream = net.connect(this.targetPort, '127.0.0.1');
        pair.upstream = upstream;
        upstream.on('error', forget);
        upstream.on('close', forget);
        client.pipe(upstream);
        upstream.pipe(client);
        if (this.paused) this.hold(pair);
      };
      // While paused a new connection hangs: it reaches nobody until the network is back.
      if (this.paused) {
        client.pause();
        this.waiting.push(connect);
      } else connect();
    });
  }

  private waiting: (() => void)[] = [];

  private hold(pair: { client: net.Socket; upstream: net.Socket | null }): void {
    pair.client.pause();
    pair.upstream?.pause();
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  pause(): void {
    this.paused = true;
    for (const pair of this.pairs) this.hold(pair);
  }

  resume(): void {
    this.paused = false;
    for (const pair of this.pairs) {
      pair.client.resume();
      pair.upstream?.resume();
    }
    for (const connect of this.waiting.splice(0)) connect();
  }

  /** Back online after a long time: every old connection is gone. */
  reset(): void {
    this.paused = false;
    for (const pair of [...this.pairs]) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    this.pairs.clear();
    this.waiting = [];
  }

  async close(): Promise<void> {
    this.reset();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
