import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/board';
import type { AckResult } from '../../shared/protocol';
import { createRegiebord } from '../../server/app';
import { createLogger } from '../../server/logger';
import { ApiClient, FACILITATOR } from '../helpers/api';
import { ask, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { TEST_CONFIG, tempDataDir, type TestServer } from '../helpers/server';
import { workshopWithFacilitator } from '../helpers/workshop';

const IP_ADDRESS = /\b(?:\d{1,3}\.){3}\d{1,3}\b|::1\b|::ffff:/;

describe('structured logs', () => {
  it('writes one JSON object per line, with request id, route and status, and no token, address or name', async () => {
    const lines: string[] = [];
    // The real pino logger, writing to a sink the test can read instead of stdout.
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    const dataDir = tempDataDir();
    const app = await createRegiebord({ ...TEST_CONFIG, logLevel: 'info', port: 0, dataDir }, logger);
    const port = await app.listen();
    const server = { url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` } as TestServer;
    try {
      const w = await workshopWithFacilitator(server);
      const names = ['Anneke Stemmer', 'Bram Kaartschrijver'];
      const [anneke, bram] = [await w.participant(names[0]), await w.participant(names[1])];
      const doc = await connectedDoc(server.wsUrl, w.workshop.id, { token: anneke!.token });
      addCard(doc.doc, { kind: 'domain', title: 'Een kaart van Anneke' });
      await w.goToPhase('drempels');
      const barrier = await ask<AckResult<{ id: string }>>(bram!.socket, 'barrier:add', { text: 'Regels', cardIds: [] });
      if (!barrier.ok) throw new Error(barrier.error.code);
      await w.goToPhase('stemmen');
      await ask(anneke!.socket, 'vote:cast', { opId: 'op-anneke-000001', barrierId: barrier.id });
      // Requests whose URLs carry secrets and ids: the log may name only their route.
      await fetch(`${server.url}/api/workshops/${w.workshop.id}?token=${anneke!.token}`);
      await fetch(`${server.url}/api/join-qr.svg?code=${w.workshop.joinCode}`);
      await fetch(`${server.url}/api/nothing/${anneke!.token}`);
      await new ApiClient(server.url).post('/api/login', { email: FACILITATOR.email, password: 'wrong-password' });
      await eventually(() => expect(lines.some((l) => l.includes('/api/workshops/:id'))).toBe(true));
      doc.destroy();
      w.closeAll();

      const secrets = [
        anneke!.token,
        bram!.token,
        w.workshop.screenToken,
        w.workshop.joinCode,
        w.api.cookie.split('=')[1]!.split(';')[0]!,
        FACILITATOR.password,
        FACILITATOR.email,
        FACILITATOR.name,
        w.workshop.id,
        ...names,
      ];
      expect(lines.length).toBeGreaterThan(5);
      const records = lines.map((line) => {
        expect(line.endsWith('\n')).toBe(true);
        return JSON.parse(line) as Record<string, unknown>;
      });
      for (const [i, record] of records.entries()) {
        expect(record).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
        expect(Number.isNaN(Date.parse(record.time as string))).toBe(false);
        for (const secret of secrets) expect(lines[i]).not.toContain(secret);
        expect(lines[i]).not.toMatch(IP_ADDRESS);
      }
      const requests = records.filter((r) => r.msg === 'request');
      for (const r of requests) {
        expect(r.requestId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
        expect(typeof r.status).toBe('number');
        expect(r.route).toEqual(expect.stringMatching(/^(\/|static$)/));
      }
      const routes = new Set(requests.map((r) => `${r.route as string} ${r.status as number}`));
      expect(routes).toContain('/api/workshops/:id 401');
      expect(routes).toContain('/api/login 401');
      expect(routes).toContain('/api/* 404');
      expect(routes).toContain('/api/join 200');
      expect(routes).toContain('/api/join-qr.svg 200');
    } finally {
      await app.close();
    }
  });
});
