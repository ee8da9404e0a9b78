import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/board';
import { ApiClient, createWorkshop, facilitatorClient, join } from '../helpers/api';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { imageRuntime } from '../helpers/dockerfile';
import { testStore, type TestStore } from '../helpers/engine';
import { eventually } from '../helpers/poll';
import { spawnCompiledServer, type ServerProcess } from '../helpers/process';

/**
 * The server as production runs it: compiled by scripts/build-server.ts (zod bundled, every other
 * package external, the exports and the renderers in chunks loaded on first use) and started on
 * plain node with the Dockerfile's CMD and ENV. The rest of the suite runs the TypeScript sources,
 * so a fault only the bundle has (a chunk that does not load, a file not copied beside it, a
 * package bundled twice) shows here. `npm run check:production` also installs the production
 * dependencies alone in a clean copy; that needs the registry and is not part of `npm test`.
 */

/** The Dockerfile's runtime CMD and ENV: what the image runs. */
function imageCommand(): { nodeArgs: string[]; env: Record<string, string>; script: string } {
  const { cmd, env } = imageRuntime();
  expect(cmd[0]).toBe('node');
  return { nodeArgs: cmd.slice(1, -1), env, script: cmd.at(-1)! };
}

const TOKEN = 'compiled-server-metrics';
// Inside the project, so the bundle's external packages resolve from its node_modules. One folder
// per test process: the SQLite and PostgreSQL projects run this file at the same time.
const OUT = path.resolve(`dist/test-server-${process.pid}`);
let store: TestStore;
let server: ServerProcess;

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts', `--out=${OUT}`, '--metafile'], { stdio: 'pipe' });
  store = await testStore();
  const image = imageCommand();
  expect(image.script).toBe('dist/server/main.js');
  // The image's ENV, but where the server listens and keeps its data are the test's: port 0 on the
  // loopback address and the test's own store (the image says 0.0.0.0:3000 and /data).
  const { PORT: _port, HOST: _host, DATA_DIR: _dataDir, ...env } = image.env;
  expect([_port, _host, _dataDir]).toEqual(['3000', '0.0.0.0', '/data']);
  server = await spawnCompiledServer({ ...image, env }, path.join(OUT, 'main.js'), store.dataDir, {
    ...store.env,
    METRICS_TOKEN: TOKEN,
  });
  const started = JSON.parse(server.output().split('\n').find((l) => l.includes('Regiebord draait'))!) as { port: number; dataDir?: string; database?: string };
  expect(started.port).toBe(server.port);
  expect(started.port).not.toBe(3000);
  if (store.engine === 'sqlite') expect(started.dataDir).toBe(store.dataDir);
  else expect(started.database).toBe('PostgreSQL');
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  await store?.remove();
  fs.rmSync(OUT, { recursive: true, force: true });
});

describe('the compiled server (the image and npm start)', () => {
  it('npm start runs the same node flags and malloc setting as the image', () => {
    const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
    const image = imageCommand();
    const run = start.split('&&').at(-1)!.trim();
    expect(run).toBe(`MALLOC_ARENA_MAX=${image.env.MALLOC_ARENA_MAX} node ${image.nodeArgs.join(' ')} ${image.script}`);
  });

  it('loads at start only the packages an idle server needs; the rest on first use', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(OUT, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
    };
    const outputOf = (file: string) => Object.entries(meta.outputs).find(([name]) => path.resolve(name) === path.resolve(OUT, file))![1];
    // Follow static imports from the entry, through our own chunks, to the packages they name.
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of outputOf(file).imports) {
        if (imp.kind !== 'import-statement') continue;
        if (!imp.external) visit(path.relative(OUT, path.resolve(imp.path)));
        else if (!imp.path.startsWith('node:')) packages.add(imp.path.split('/').slice(0, imp.path.startsWith('@') ? 2 : 1).join('/'));
      }
    };
    visit('main.js');
    // Not here, each about 1-4 MB at idle (docs/performance.md): pdfkit, docx, fontkit, resvg,
    // openid-client, pg, ioredis and the Redis adapter, qrcode. A new package here is a choice.
    expect([...packages].sort()).toEqual(['better-sqlite3', 'express', 'lib0', 'pino', 'prom-client', 'socket.io', 'ws', 'y-protocols', 'yjs']);
  });

  it('runs a workshop: REST, socket.io and y-websocket, bad input refused by name', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Gebundelde server');
    // zod runs from the bundle: a bad body gets the named code.
    const bad = await api.post<{ error: { code: string; message: string } }>('/api/workshops', { title: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_PAYLOAD');

    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    expect((await fac.state).workshop.id).toBe(workshop.id);
    const refused = await ask<{ ok: boolean; error?: { code: string } }>(fac.socket, 'trajectories:set', { trajectories: { mode: 'alles' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    fac.socket.close();

    const phone = await connectedDoc(server.wsUrl, workshop.id, { token: (await join(server.url, workshop.joinCode, 'Telefoon')).token });
    const screen = await connectedDoc(server.wsUrl, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    try {
      addCard(phone.doc, { kind: 'domain', title: 'Sociaal domein', x: 0.3, y: 0.6 });
      await eventually(() => expect(readCards(screen.doc).map((c) => c.title)).toEqual(['Sociaal domein']));
    } finally {
      phone.destroy();
      screen.destroy();
    }

    // The chunks loaded on first use: the PDF on its worker thread with the copied fonts, the
    // quadrant picture with fontkit, the site's default texts.
    const pdf = await fetch(`${server.url}/api/workshops/${workshop.id}/export?format=pdf`, { headers: { cookie: api.cookie } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const picture = await fetch(`${server.url}/api/knowledge/progress-report?format=svg`, { headers: { cookie: api.cookie } });
    expect(picture.status).toBe(200);
    expect(await picture.text()).toMatch(/^<svg /);
    expect((await new ApiClient(server.url).get('/api/site/pages/privacy')).status).toBe(200);

    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(metrics).toMatch(/^regiebord_socket_events_total\{event="trajectories:set",outcome="INVALID_PAYLOAD"\} 1$/m);
  });

  // stdout and stderr both: a warning node prints (a deprecation, say) is not JSON and fails this, on
  // purpose: in production it would be a line the log platform cannot read.
  it('writes JSON lines only, and stops cleanly on SIGTERM', async () => {
    const lines = server.output().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.map((l) => (JSON.parse(l) as { level: number }).level).filter((level) => level >= 50)).toEqual([]);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
