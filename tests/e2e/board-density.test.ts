import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addCard, readCards, setCardTarget } from '../../shared/board';
import type { Position } from '../../shared/template';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { axeViolations, formatViolations } from '../helpers/axe';
import { LAPTOP, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';

const suite = browserSuite();
const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL' } as const;
const SHOTS = path.resolve('docs/screenshots');

/** Real Lochem-like titles, long Dutch compounds included (they must never be cut mid-word). */
const TITLES = [
  'Energietransitie',
  'Zonnepark Laarberg',
  'Sociaal domein',
  'Omgevingsvisie',
  'Beheer openbare ruimte',
  'Warmtenet Lochem-Oost',
  'Jeugdzorg en onderwijs',
  'Mobiliteitsplan',
  'Woningbouwprogramma',
  'Klimaatadaptatie',
  'Dorpshuizen',
  'Participatiebeleid',
  'Vrijetijdseconomie',
  'Afvalinzameling',
  'Bedrijventerrein',
];

/** Clustered like a real board: a stack on one point, some on the edges, two crowds. Deterministic. */
function positions(n: number): Position[] {
  let s = n;
  const rand = () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    if (i % 6 === 0) return { x: 0.5, y: 0.5 };
    if (i % 6 === 1) return { x: i % 4 < 2 ? 0 : 1, y: Math.round(rand() * 100) / 100 };
    if (i % 6 === 2) return { x: Math.round(rand() * 100) / 100, y: i % 4 < 2 ? 0 : 1 };
    const c = i % 2 ? { x: 0.3, y: 0.3 } : { x: 0.72, y: 0.68 };
    return { x: c.x + (rand() - 0.5) * 0.15, y: c.y + (rand() - 0.5) * 0.15 };
  });
}

interface ScreenFigures {
  labels: number;
  mode: string;
  clear90: number;
  cutWords: number;
  minFontPx: number;
  targets: number;
  targetsVisible: number;
  cutDetails: string[];
}

/** Measures the shared screen's board in the page: how clear each label is, cut words, font size, target markers. */
async function measureScreen(page: Page): Promise<ScreenFigures> {
  return page.evaluate(() => {
    const plane = document.querySelector('[data-testid="board"]')!;
    const list = plane.querySelector('.rb-screen-cards') as HTMLElement;
    const labels = [...plane.querySelectorAll<HTMLElement>('.rb-screen-cards [data-card-id]')];
    const markers = [...plane.querySelectorAll<HTMLElement>('[data-marker-id]')];
    const rects = labels.map((l) => l.getBoundingClientRect());
    const markerRects = markers.map((m) => ({ id: m.dataset.markerId, r: m.getBoundingClientRect() }));
    const targetEls = [...plane.querySelectorAll<SVGGElement>('.rb-trajectories--targets [data-target-id] circle.rb-trajectories__ring')];
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    let clear = 0;
    let cut = 0;
    const cutDetails: string[] = [];
    let minFont = Infinity;
    labels.forEach((l, i) => {
      const a = rects[i]!;
      let covered = 0;
      rects.forEach((b, j) => {
        if (j !== i) covered += overlap(a, b);
      });
      markerRects.forEach((m) => {
        if (m.id !== l.dataset.cardId) covered += overlap(a, m.r);
      });
      if (1 - covered / (a.width * a.height) >= 0.9) clear++;
      // Cut: content wider than the box (a word overflowing), or clipped by the plane.
      const title = l.querySelector<HTMLElement>('.rb-screen-label__title');
      if (title && title.scrollWidth > title.clientWidth + 1) {
        cut++;
        cutDetails.push(`word ${title.textContent} ${title.scrollWidth}>${title.clientWidth}`);
      }
      const p = plane.getBoundingClientRect();
      if (a.left < p.left - 1 || a.right > p.right + 1 || a.top < p.top - 1 || a.bottom > p.bottom + 1) {
        cut++;
        cutDetails.push(`clipped ${l.textContent} ${[a.left, a.right, a.top, a.bottom].map(Math.round).join(',')} in ${[p.left, p.right, p.top, p.bottom].map(Math.round).join(',')}`);
      }
      minFont = Math.min(minFont, parseFloat(getComputedStyle(title ?? l).fontSize));
    });
    // A target marker is visible when the topmost element at its edge is the marker itself
    // (the layer ignores the pointer; let it be hit while measuring).
    const layer = plane.querySelector<SVGElement>('.rb-trajectories--targets');
    if (layer) layer.style.pointerEvents = 'auto';
    let visible = 0;
    for (const ring of targetEls) {
      const r = ring.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
      if (top && (top === ring || ring.parentElement!.contains(top))) visible++;
    }
    if (layer) layer.style.pointerEvents = '';
    return {
      cutDetails,
      labels: labels.length,
      mode: list?.dataset.labelMode ?? 'none',
      clear90: labels.length ? clear / labels.length : 1,
      cutWords: cut,
      minFontPx: minFont,
      targets: targetEls.length,
      targetsVisible: visible,
    };
  });
}

describe('the board at real density', () => {
  for (const n of [25, 60]) {
    it(`${n} clustered cards: the screen is legible, targets attributable, new cards do not stack, axe clean`, async () => {
      const { server } = suite;
      const api = await facilitatorClient(server.url);
      const workshop = await createWorkshop(api, `Dichtheid ${n}`);
      const doc = await connectedDoc(server.wsUrl, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
      const pos = positions(n);
      const ids = pos.map((p, i) =>
        addCard(doc.doc, { kind: i % 3 ? 'domain' : 'project', title: `${TITLES[i % TITLES.length]}${i >= TITLES.length ? ` ${Math.floor(i / TITLES.length) + 1}` : ''}`, ...p }, 1000 + i),
      );
      // Ten trajectories (Koers), some to the same corner.
      ids.slice(0, 10).forEach((id, i) => setCardTarget(doc.doc, id, { x: i % 2 ? 0.85 : 0.15, y: 0.1 + i * 0.08 }));

      const screen = await suite.open(SHARED_SCREEN);
      await screen.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
      await eventually(async () => expect(await screen.locator('.rb-screen-cards [data-card-id]').count()).toBe(n), { timeoutMs: 20_000 });
      // Let the measured layout settle (labels measured, then placed).
      await eventually(async () => expect(await screen.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 10_000 });
      const f = await measureScreen(screen);
      console.log(
        `[density] screen 1920×1080, ${n} cards: mode ${f.mode}; ${(f.clear90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed; ` +
          `${f.cutWords} cut or clipped; smallest label text ${f.minFontPx} px; target markers visible ${f.targetsVisible}/${f.targets}`,
      );
      if (f.cutDetails.length) console.log(`[density] cut: ${f.cutDetails.join('; ')}`);
      if (n === 60) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await screen.screenshot({ path: path.join(SHOTS, 'density-60-screen.png') });
      }
      expect(f.clear90).toBeGreaterThanOrEqual(0.9);
      expect(f.cutWords).toBe(0);
      expect(f.minFontPx).toBeGreaterThanOrEqual(18);
      expect(f.targets).toBe(10);
      expect(f.targetsVisible).toBe(10);
      // Attributable: each target marker carries the number its card carries (label or badge, and the legend).
      for (const id of ids.slice(0, 10)) {
        const n1 = await screen.locator(`[data-trajectory-id="${id}"]`).first().getAttribute('data-card-n');
        const n2 = await screen.locator(`.rb-screen-cards [data-card-id="${id}"]`).getAttribute('data-card-n');
        expect(n1).toBe(n2);
        expect(await screen.locator(`[data-trajectory-id="${id}"] text`).textContent()).toBe(n1);
      }
      if (f.mode === 'numbers') expect(await screen.locator('[data-testid="board-legend"] li').count()).toBe(n);

      // New cards do not stack: three added without a position wait in the tray, in no quadrant.
      for (let i = 0; i < 3; i++) addCard(doc.doc, { kind: 'domain', title: `Nieuw ${i + 1}` });
      await eventually(async () => expect(await screen.getByTestId('card-tray').locator('[data-card-id]').count()).toBe(3), { timeoutMs: 10_000 });
      expect(readCards(doc.doc).filter((c) => c.title.startsWith('Nieuw')).map((c) => c.pos)).toEqual([null, null, null]);

      const fit = await screen.evaluate(() => {
        const h = (sel: string) => Math.round(document.querySelector(sel)?.getBoundingClientRect().height ?? -1);
        const st = document.querySelector('.rb-screen__stage')!;
        return `stage ${st.scrollHeight}/${st.clientHeight} w ${st.scrollWidth}/${st.clientWidth} board ${h('.rb-board')} legend ${h('.rb-screen-legend')} tray ${h('.rb-tray')} row ${h('.rb-board-row')}`;
      });
      console.log(`[density] fit: ${fit}`);
      const violations = await axeViolations(screen);
      expect(violations, formatViolations(violations)).toEqual([]);
      if (n === 60) {
        // The facilitator and the phone at 60 cards, for the record (their board is the shared Board).
        const fac = await suite.open(LAPTOP);
        await fac.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
        await fac.goto(`${server.url}/begeleider/w/${workshop.id}`);
        // The cockpit opens the tab of the phase (Welkom: participants); the board has its own tab.
        await fac.getByRole('tab', { name: 'Bord', exact: true }).click();
        await fac.getByTestId('board').waitFor();
        await fac.screenshot({ path: path.join(SHOTS, 'density-60-facilitator.png') });
        const anna = await join(server.url, workshop.joinCode, 'Anna');
        const phone = await suite.open(PHONE_390);
        await phone.goto(server.url + '/');
        await phone.evaluate(
          ([key, value]) => localStorage.setItem(key!, value!),
          [`regiebord.participant.${workshop.id}`, JSON.stringify({ participantId: anna.participantId, token: anna.token, name: 'Anna' })],
        );
        await phone.goto(`${server.url}/w/${workshop.id}`);
        await phone.getByTestId('board').waitFor();
        await phone.screenshot({ path: path.join(SHOTS, 'density-60-phone.png'), fullPage: true });
      }
      doc.destroy();
    });
  }
});
