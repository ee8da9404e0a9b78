import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegiebord, type Regiebord } from '../../server/app';
import type { ConfigOverride } from '../../server/config';

export interface TestServer {
  app: Regiebord;
  port: number;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Stop and start again on the same port and data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Low password-hashing cost and no logging keep tests fast and quiet; everything else is real. */
export const TEST_CONFIG: ConfigOverride = {
  host: '127.0.0.1',
  logLevel: 'silent',
  scryptCost: 1024,
};

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-test-'));
}

export async function startServer(override: ConfigOverride = {}): Promise<TestServer> {
  const dataDir = override.dataDir ?? tempDataDir();
  const config = { ...TEST_CONFIG, port: 0, ...override, dataDir };
  let app = await createRegiebord(config);
  const port = await app.listen();
  const server: TestServer = {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    dataDir,
    async restart() {
      await app.close();
      app = await createRegiebord({ ...config, port });
      server.app = app;
      await app.listen();
    },
    async stop() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
