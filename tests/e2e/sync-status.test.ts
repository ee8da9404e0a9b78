import { describe, expect, it } from 'vitest';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { PHONE } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { connectedDoc } from '../helpers/clients';
import { FlakyNetwork } from '../helpers/flakyNetwork';
import { eventually } from '../helpers/poll';
import { addCard, readCards } from '../../shared/board';

const suite = browserSuite();

/**
 * The phone says in words whether its changes are stored: "Opgeslagen", "Wordt opgeslagen…"
 * (a change the server has not confirmed: here the venue Wi-Fi holds every packet), and
 * "Offline – 1 wijziging nog niet opgeslagen" (no network, one changed card waiting). Not by colour alone:
 * each state has its own text and icon.
 */
describe('sync state in words: saved, saving, offline', () => {
  it('shows pending while a change is unconfirmed and offline with a waiting change, then saved', async () => {
    const { server } = suite;
    const api = await facilitatorClient(server.url);
    const workshop = await createWorkshop(api, 'Verbinding');
    const anna = await join(server.url, workshop.joinCode, 'Anna');
    const board = await connectedDoc(server.wsUrl, workshop.id, { token: anna.token });
    const cardId = addCard(board.doc, { kind: 'domain', title: 'Klimaatbeleid', x: 0.2, y: 0.2 });
    const wifi = new FlakyNetwork(server.port);
    const via = `http://127.0.0.1:${await wifi.start()}`;

    try {
      const phone = await suite.open(PHONE);
      await phone.goto(via + '/');
      await phone.evaluate(
        ([key, value]) => localStorage.setItem(key!, value!),
        [`regiebord.participant.${workshop.id}`, JSON.stringify({ participantId: anna.participantId, token: anna.token, name: 'Anna' })],
      );
      await phone.goto(`${via}/w/${workshop.id}`);
      const status = phone.getByTestId('sync-status');
      const card = phone.locator('[data-card-id]', { hasText: 'Klimaatbeleid' }).first();
      await card.waitFor();
      await expect.poll(() => status.getAttribute('data-state')).toBe('synced');
      expect(await status.innerText()).toContain('Opgeslagen');

      // The Wi-Fi holds every packet: the move is not confirmed, so it says "saving".
      wifi.pause();
      await card.focus();
      await phone.keyboard.press('2');
      await expect.poll(() => status.getAttribute('data-state')).toBe('pending');
      expect(await status.innerText()).toContain('Wordt opgeslagen…');
      expect(await status.getAttribute('data-unsaved')).toBe('true');
      // The packets arrive: stored on the server, and the phone says so.
      wifi.resume();
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('synced');
      await eventually(() => expect(readCards(board.doc).find((c) => c.id === cardId)!.pos?.x ?? 0).toBeGreaterThan(0.5));

      // No network at all: a change made now waits, and the phone says that in words.
      wifi.pause();
      await phone.context().setOffline(true);
      await expect.poll(() => status.getAttribute('data-state')).toBe('offline');
      await card.focus();
      await phone.keyboard.press('3');
      await expect.poll(() => status.innerText()).toContain('Offline – 1 wijziging nog niet opgeslagen');
      expect(await status.getAttribute('data-unsaved')).toBe('true');
      // Back online (the old connections are gone): the change is sent, stored and confirmed.
      wifi.reset();
      await phone.context().setOffline(false);
      // "Opgeslagen" with nothing waiting (a save confirmed within 400 ms is shown as saved at once).
      await expect
        .poll(async () => `${await status.getAttribute('data-state')} ${await status.getAttribute('data-unsaved')}`, { timeout: 15_000 })
        .toBe('synced false');
      await eventually(() => {
        const moved = readCards(board.doc).find((c) => c.id === cardId)!;
        expect(moved.pos!.x).toBeLessThan(0.5);
        expect(moved.pos!.y).toBeGreaterThan(0.5);
      }, { timeoutMs: 10_000 });
    } finally {
      board.destroy();
      await wifi.close();
    }
  });
});
