import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/board';
import { PERMISSIONS } from '../../shared/phases';
import type { AckResult } from '../../shared/protocol';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { PHONE } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { ask, connectControl, connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';

const suite = browserSuite();

const cardX = (doc: Y.Doc, id: string) => readCards(doc).find((c) => c.id === id)!.pos?.x;

/**
 * Bad venue Wi-Fi, worst case: the network is cut, the participant moves a card, adds a barrier,
 * votes and adds a proposal, and then reloads the page while still offline. The app must load
 * (service worker), show the board and the waiting changes (IndexedDB, localStorage), and after
 * reconnecting deliver every one of them exactly once.
 */
describe('offline, reloaded, reconnected', () => {
  it('keeps a move, a barrier, a vote and a proposal made offline across a reload and delivers each once', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Slechte wifi');
    const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    await fac.state;
    await ask(fac.socket, 'phases:set', { phases: [{ id: 'alles', kind: 'koers', permissions: [...PERMISSIONS] }] });
    const voteFor = await ask<AckResult<{ id: string }>>(fac.socket, 'barrier:add', { text: 'Te weinig tijd', cardIds: [] });
    if (!voteFor.ok) throw new Error('barrier');
    const facBoard = await connectedDoc(server.wsUrl, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
    const cardId = addCard(facBoard.doc, { kind: 'domain', title: 'Mobiliteit', x: 0.8, y: 0.2 });
    const anna = await join(server.url, workshop.joinCode, 'Anna');

    try {
      const phone = await suite.open(PHONE);
      await phone.goto(server.url + '/');
      await phone.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [`regiebord.participant.${workshop.id}`, JSON.stringify({ participantId: anna.participantId, token: anna.token, name: 'Anna' })],
      );
      await phone.goto(`${server.url}/w/${workshop.id}`);
      const status = phone.getByTestId('sync-status');
      const card = phone.locator('[data-card-id]', { hasText: 'Mobiliteit' }).first();
      await card.waitFor();
      // The service worker has cached the app and controls the page.
      await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

      await phone.context().setOffline(true);
      await expect.poll(() => status.getAttribute('data-state')).toBe('offline');
      await card.focus();
      await phone.keyboard.press('3'); // to the bottom-left quadrant
      await phone.getByLabel('Drempel', { exact: true }).fill('Geen ov in het buitengebied');
      await phone.getByRole('button', { name: 'Drempel toevoegen' }).click();
      await phone.getByRole('button', { name: 'Stem op: Te weinig tijd' }).click();
      await phone.getByLabel('Bij drempel').selectOption({ label: 'Te weinig tijd' });
      await phone.getByLabel('Voorstel', { exact: true }).fill('Buurtbus proberen');
      await phone.getByRole('button', { name: 'Voorstel toevoegen' }).click();
      await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Offline – 4 wijzigingen nog niet opgeslagen');

      // Reload without a network: the shell comes from the service worker, the rest from the phone.
      await phone.reload();
      await card.waitFor({ timeout: 20_000 });
      await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('Offline – 4 wijzigingen nog niet opgeslagen');
      // Nothing reached the server meanwhile.
      expect((await server.app.storage.method.listBarriers(workshop.id)).map((b) => b.text)).toEqual(['Te weinig tijd']);
      expect(cardX(facBoard.doc, cardId)).toBeGreaterThan(0.5);

      await phone.context().setOffline(false);
      await expect
        .poll(async () => `${await status.getAttribute('data-state')} ${await status.getAttribute('data-unsaved')}`, { timeout: 30_000 })
        .toBe('synced false');
      await eventually(() => expect(cardX(facBoard.doc, cardId)).toBeLessThan(0.5), { timeoutMs: 10_000 });
      const barriers = await server.app.storage.method.listBarriers(workshop.id);
      expect(barriers.filter((b) => b.text === 'Geen ov in het buitengebied')).toHaveLength(1);
      const proposals = await server.app.storage.method.listProposals(workshop.id);
      expect(proposals.filter((p) => p.text === 'Buurtbus proberen')).toHaveLength(1);
      const votes = await server.app.storage.method.votesOf(workshop.id, anna.participantId);
      expect(votes.get(voteFor.id)).toBe(1);
      // The queue is empty: nothing is sent a second time.
      expect(await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('regiebord.outbox.')))).toEqual([]);
    } finally {
      facBoard.destroy();
      fac.socket.disconnect();
    }
  }, 180_000);
});
