import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addCard, readCards, setCardTarget } from '../../shared/board';
import { createWorkshop, facilitatorClient, join } from '../helpers/api';
import { axeViolations, formatViolations } from '../helpers/axe';
import { LAPTOP, SHARED_SCREEN } from '../helpers/browser';
import { browserSuite } from '../helpers/browserSuite';
import { connectedDoc } from '../helpers/clients';
import { eventually } from '../helpers/poll';
import { expectScreenInsideViewport } from '../helpers/screenFit';
import { PHONE_390, clusteredPositions, densityTitle } from '../helpers/densityBoard';

const suite = browserSuite();
const SHOTS = path.resolve('docs/screenshots');

interface ScreenFigures {
  labels: number;
  mode: string;
  clear90: number;
  cutWords: number;
  minFontPx: number;
  targets: number;
  targetsVisible: number;
  cutDetails: string[];
  crowded: string;
  plane: string;
  /** Line breaks inside a word where no hyphen is drawn (must be 0). */
  midWord: number;
  /** Line breaks at a Dutch hyphenation point (a hyphen is drawn). */
  hyphenated: number;
}

/**
 * Waits until the board's layout has settled: every label placed, the legend there when the board
 * shows numbers (it is a lazy component, and its arrival can resize the board, which lays out
 * again), and the plane the same size twice in a row.
 */
async function settled(page: Page) {
  let last = '';
  await eventually(
    async () => {
      const state = await page.evaluate(() => {
        const list = document.querySelector<HTMLElement>('[data-testid="board"] .rb-screen-cards');
        const plane = document.querySelector('[data-testid="board"]')!;
        const labels = [...document.querySelectorAll('[data-testid="board"] .rb-screen-cards [data-card-id]')];
        const placed = labels.every((l) => (l as HTMLElement).style.left !== '');
        const legend = list?.dataset.labelMode !== 'numbers' || !!document.querySelector('[data-testid="board-legend"]');
        return placed && legend ? `${plane.clientWidth}×${plane.clientHeight}:${list?.dataset.labelMode}` : '';
      });
      const same = state !== '' && state === last;
      last = state;
      expect(same).toBe(true);
    },
    { timeoutMs: 15_000, intervalMs: 150 },
  );
}

/** Measures the shared screen's board in the page: how clear each label is, cut words, font size, target markers. */
async function measureScreen(page: Page): Promise<ScreenFigures> {
  await settled(page);
  return page.evaluate(() => {
    const plane = document.querySelector('[data-testid="board"]')!;
    const list = plane.querySelector('.rb-screen-cards') as HTMLElement;
    const labels = [...plane.querySelectorAll<HTMLElement>('.rb-screen-cards [data-card-id]')];
    const markers = [...plane.querySelectorAll<HTMLElement>('[data-marker-id]')];
    const rects = labels.map((l) => l.getBoundingClientRect());
    const markerRects = markers.map((m) => ({ id: m.dataset.markerId, r: m.getBoundingClientRect() }));
    // Every line break inside a title: at a space, at a hyphen, or at a soft hyphen (drawn as a
    // hyphen at the line end); anything else is a word cut without a hyphen.
    const cutDetails: string[] = [];
    let midWord = 0;
    let hyphenated = 0;
    const range = document.createRange();
    for (const title of plane.querySelectorAll<HTMLElement>('.rb-screen-cards [data-card-id] .rb-screen-label__title')) {
      const node = title.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent ?? '';
      let lastTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // The last box: a character right after a line break may also report an empty box at the end of the line before.
        const rects = range.getClientRects();
        const r = rects[rects.length - 1];
        if (!r || r.width === 0) continue;
        if (lastTop !== null && r.top > lastTop + 2) {
          const before = text[i - 1] ?? ' ';
          if (before === '\u00ad') hyphenated++;
          else if (before !== ' ' && before !== '-' && text[i] !== ' ') {
            midWord++;
            cutDetails.push(`mid-word ${JSON.stringify(text.slice(0, i))} | ${JSON.stringify(text.slice(i))}`);
          }
        }
        lastTop = r.top;
      }
    }
    const targetEls = [...plane.querySelectorAll<SVGGElement>('.rb-trajectories--targets [data-target-id] circle.rb-trajectories__ring')];
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    let clear = 0;
    let cut = 0;
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
      midWord,
      hyphenated,
      crowded: list?.dataset.crowded ?? '?',
      plane: `${Math.round(plane.clientWidth)}×${Math.round(plane.clientHeight)}`,
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

interface NameCollisions {
  /** Quadrant names found on the board (4). */
  names: number;
  /** Labels or numbered badges whose box intersects a quadrant name's box (must be none). */
  covering: string[];
  /** Leader lines that cross a quadrant name's box (reported; avoided where a clear spot exists). */
  leadersCrossing: number;
  /** Of those, lines from a card that lies under the name itself (any line out of it crosses it). */
  leadersFromUnder: number;
  leaders: number;
  /** Names whose text is wider than their box (a word cut off at the quadrant's edge). */
  overflowing: string[];
}

/**
 * The quadrant names stay readable: no placed label or badge (the element the layout moves; the
 * card's own point stays at its true position) intersects a name's box, measured in the page.
 */
async function nameCollisions(page: Page): Promise<NameCollisions> {
  await settled(page);
  return page.evaluate(() => {
    const plane = document.querySelector('[data-testid="board"]')!;
    const names = [...plane.querySelectorAll<HTMLElement>('.rb-quadrant__label')].map((el) => ({ text: el.firstChild?.textContent ?? '', r: el.getBoundingClientRect() }));
    const hits = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
    const covering: string[] = [];
    for (const el of plane.querySelectorAll<HTMLElement>('.rb-screen-cards [data-card-id]')) {
      const r = el.getBoundingClientRect();
      for (const n of names) {
        if (hits(r, n.r)) covering.push(`card ${el.dataset.cardN} [${[r.left, r.top, r.right, r.bottom].map(Math.round).join(',')}] on "${n.text}" [${[n.r.left, n.r.top, n.r.right, n.r.bottom].map(Math.round).join(',')}]`);
      }
    }
    // A segment crosses a box when it passes through its inside (Liang–Barsky clipping).
    const crosses = (x1: number, y1: number, x2: number, y2: number, b: DOMRect) => {
      let t0 = 0;
      let t1 = 1;
      const dx = x2 - x1;
      const dy = y2 - y1;
      for (const [p, q] of [[-dx, x1 - b.left], [dx, b.right - x1], [-dy, y1 - b.top], [dy, b.bottom - y1]] as const) {
        if (p === 0) {
          if (q < 0) return false;
        } else {
          const t = q / p;
          if (p < 0) t0 = Math.max(t0, t);
          else t1 = Math.min(t1, t);
        }
      }
      return t0 < t1;
    };
    const leaders = [...plane.querySelectorAll<SVGLineElement>('.rb-screen-cards__leaders line.rb-screen-cards__leader')];
    let leadersCrossing = 0;
    let leadersFromUnder = 0;
    for (const line of leaders) {
      const o = line.ownerSVGElement!.getBoundingClientRect();
      const [x1, y1, x2, y2] = [line.x1, line.y1, line.x2, line.y2].map((a) => a.baseVal.value);
      const crossed = names.filter((n) => crosses(o.left + x1!, o.top + y1!, o.left + x2!, o.top + y2!, n.r));
      if (crossed.length) leadersCrossing++;
      const under = (n: (typeof names)[number]) => o.left + x1! > n.r.left && o.left + x1! < n.r.right && o.top + y1! > n.r.top && o.top + y1! < n.r.bottom;
      if (crossed.length && crossed.every(under)) leadersFromUnder++;
    }
    const overflowing = [...plane.querySelectorAll<HTMLElement>('.rb-quadrant__label')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > el.parentElement!.getBoundingClientRect().right + 1)
      .map((el) => `"${el.firstChild?.textContent ?? ''}" ${el.scrollWidth} px in ${el.clientWidth} px`);
    return { names: names.length, covering, leadersCrossing, leadersFromUnder, leaders: leaders.length, overflowing };
  });
}

/** Asserts that no label or badge covers a quadrant name, and logs the leader lines that cross one. */
async function expectNamesClear(page: Page, what: string) {
  const c = await nameCollisions(page);
  console.log(`[density] quadrant names, ${what}: ${c.covering.length} labels or badges on a name; ${c.leadersCrossing} of ${c.leaders} leader lines cross a name (${c.leadersFromUnder} from a card under that name)`);
  expect(c.names, `${what}: quadrant names on the board`).toBe(4);
  expect.soft(c.covering, `${what}: labels or badges on a quadrant name`).toEqual([]);
  // Every name whole: "Maatschappelijke" in 30 px type did not fit a quadrant of the 1280×720 board.
  expect.soft(c.overflowing, `${what}: quadrant names wider than their quadrant`).toEqual([]);
}

describe('the board at real density', () => {
  for (const n of [25, 40, 60]) {
    it(`${n} clustered cards: screen and facilitator legible, targets attributable and filterable, new cards do not stack, axe clean`, async () => {
      const { server } = suite;
      const api = await facilitatorClient(server.url);
      const workshop = await createWorkshop(api, `Dichtheid ${n}`);
      const doc = await connectedDoc(server.wsUrl, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
      const pos = clusteredPositions(n);
      const ids = pos.map((p, i) =>
        addCard(doc.doc, { kind: i % 3 ? 'domain' : 'project', title: densityTitle(i), ...p }, 1000 + i),
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
          `${f.cutWords} cut or clipped; ${f.midWord} line breaks inside a word without a hyphen, ${f.hyphenated} at a Dutch hyphenation point; ` +
          `smallest label text ${f.minFontPx} px; target markers visible ${f.targetsVisible}/${f.targets}; plane ${f.plane}, labels not placed clear ${f.crowded}`,
      );
      if (f.cutDetails.length) console.log(`[density] cut: ${f.cutDetails.join('; ')}`);
      if (n === 25) await screen.screenshot({ path: path.join(os.tmpdir(), 'density-25-screen.png') });
      if (n === 40) await screen.screenshot({ path: path.join(os.tmpdir(), 'density-40-screen.png') });
      await expectNamesClear(screen, `screen 1920×1080, ${n} cards`);
      await expectScreenInsideViewport(screen, `Welkom, ${n} cards`);
      expect(f.clear90).toBeGreaterThanOrEqual(0.9);
      expect(f.cutWords).toBe(0);
      expect(f.midWord).toBe(0);
      expect(f.minFontPx).toBeGreaterThanOrEqual(18);
      // 25 clustered cards keep their full titles on the screen (numbers only when truly dense).
      if (n === 25) expect(f.mode).toBe('labels');
      // Long compounds are hyphenated (Dutch patterns), not left to widen the label: in labels
      // mode at least one title breaks at a hyphenation point.
      if (f.mode === 'labels') expect(f.hyphenated).toBeGreaterThan(0);
      expect(f.targets).toBe(10);
      expect(f.targetsVisible).toBe(10);
      // Attributable: each target marker carries the number its card carries (label or badge, and the legend).
      for (const id of ids.slice(0, 10)) {
        const n1 = await screen.locator(`[data-trajectory-id="${id}"]`).first().getAttribute('data-card-n');
        const n2 = await screen.locator(`.rb-screen-cards [data-card-id="${id}"]`).getAttribute('data-card-n');
        expect(n1).toBe(n2);
        expect(await screen.locator(`[data-trajectory-id="${id}"] text`).textContent()).toBe(n1);
      }
      if (f.mode === 'numbers') {
        // The legend is its own lazy component: it follows the switch to numbers a moment later.
        await eventually(async () => expect(await screen.locator('[data-testid="board-legend"] li').count()).toBe(n), { timeoutMs: 10_000 });
      }
      if (n === 60) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await screen.screenshot({ path: path.join(SHOTS, 'density-60-screen.png') });
      }

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
      // The tray above the board takes height: the board and its axes still fit.
      await expectScreenInsideViewport(screen, `Welkom, ${n} cards and a tray of 3`);
      const violations = await axeViolations(screen);
      expect(violations, formatViolations(violations)).toEqual([]);
      if (n === 25) {
        // The facilitator's board with 25 cards: the screen's layout, full labels, clear of each other.
        const fac25 = await suite.open({ ...LAPTOP, viewport: { width: 1366, height: 768 } });
        await fac25.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
        await fac25.goto(`${server.url}/begeleider/w/${workshop.id}`);
        await fac25.getByRole('tab', { name: 'Bord', exact: true }).click();
        await eventually(async () => expect(await fac25.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 20_000 });
        await fac25.locator('.rb-board').evaluate((el) => el.scrollIntoView({ block: 'end' }));
        const f25 = await measureScreen(fac25);
        console.log(
          `[density] facilitator 1366×768, ${n} cards: mode ${f25.mode}; ${(f25.clear90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed; ` +
            `${f25.cutWords} cut or clipped; ${f25.midWord} mid-word breaks, ${f25.hyphenated} at a hyphenation point; target markers visible ${f25.targetsVisible}/${f25.targets}; plane ${f25.plane}`,
        );
        // On a laptop's smaller board 25 clustered cards may need numbers: then the legend lists them all.
        if (f25.mode === 'numbers') {
          await eventually(async () => expect(await fac25.locator('[data-testid="board-legend"] li').count()).toBe(n), { timeoutMs: 10_000 });
        }
        await fac25.screenshot({ path: path.join(os.tmpdir(), 'density-25-facilitator.png') });
        await expectNamesClear(fac25, `facilitator 1366×768, ${n} cards`);
        expect(f25.clear90).toBeGreaterThanOrEqual(0.9);
        expect(f25.cutWords).toBe(0);
        expect(f25.midWord).toBe(0);
        expect(f25.targetsVisible).toBe(10);
      }
      if (n === 60) {
        // The shared screen on a smaller beamer (1280×720): still axe-clean, the same measures.
        const small = await suite.open({ ...SHARED_SCREEN, viewport: { width: 1280, height: 720 } });
        await small.goto(`${server.url}/scherm/${workshop.id}#${workshop.screenToken}`);
        await eventually(async () => expect(await small.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 20_000 });
        const fs720 = await measureScreen(small);
        await small.screenshot({ path: path.join(SHOTS, 'density-60-screen-720.png') });
        await expectNamesClear(small, `screen 1280×720, ${n} cards`);
        // In Welkom the join code column is as narrow as in the other phases: the board as clear as in Koers.
        console.log(
          `[density] screen 1280×720 in Welkom (join code beside the board), ${n} cards: mode ${fs720.mode}; ${(fs720.clear90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed; ` +
            `${fs720.cutWords} cut or clipped; ${fs720.midWord} mid-word breaks; target markers visible ${fs720.targetsVisible}/${fs720.targets}; plane ${fs720.plane}`,
        );
        expect(fs720.midWord).toBe(0);
        expect(fs720.clear90).toBeGreaterThanOrEqual(0.9);
        expect(fs720.cutWords).toBe(0);
        await expectScreenInsideViewport(small, `Welkom, ${n} cards`);
        const small720 = await axeViolations(small);
        expect(small720, formatViolations(small720)).toEqual([]);

        // The facilitator on a 1366×768 laptop: the same layout as the screen, and the board fits
        // under the cockpit, so the workshop runs without scrolling past the board.
        const fac = await suite.open({ ...LAPTOP, viewport: { width: 1366, height: 768 } });
        await fac.context().addCookies([{ name: 'rb_session', value: api.cookie.split('=')[1]!, url: server.url }]);
        await fac.goto(`${server.url}/begeleider/w/${workshop.id}`);
        // Welkom → Positioneren → Koers; in Koers the cockpit opens the board tab itself.
        for (const phase of ['positioneren', 'koers']) {
          await fac.getByRole('button', { name: 'Volgende stap' }).click();
          await eventually(async () => expect(await fac.getByTestId('phase-title').getAttribute('data-phase')).toBe(phase), { timeoutMs: 10_000 });
        }
        await eventually(async () => expect(await fac.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 20_000 });
        const fit768 = await fac.evaluate(() => {
          document.querySelector('.rb-board')!.scrollIntoView({ block: 'end' });
          const cockpit = document.querySelector('[data-testid="cockpit"]')!.getBoundingClientRect();
          const plane = document.querySelector('[data-testid="board"]')!.getBoundingClientRect();
          const board = document.querySelector('.rb-board')!.getBoundingClientRect();
          return {
            cockpitBottom: Math.round(cockpit.bottom),
            cockpitTop: Math.round(cockpit.top),
            boardTop: Math.round(board.top),
            boardBottom: Math.round(board.bottom),
            planeTop: Math.round(plane.top),
            planeBottom: Math.round(plane.bottom),
            planeLeft: Math.round(plane.left),
            planeRight: Math.round(plane.right),
            viewport: `${innerWidth}×${innerHeight}`,
          };
        });
        // Measured in view (target markers are checked with elementFromPoint).
        const ff = await measureScreen(fac);
        await expectNamesClear(fac, `facilitator 1366×768 in Koers, ${n} cards`);
        console.log(
          `[density] facilitator 1366×768, ${n} cards: mode ${ff.mode}; ${(ff.clear90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed; ` +
            `${ff.cutWords} cut or clipped; ${ff.midWord} mid-word breaks; target markers visible ${ff.targetsVisible}/${ff.targets}; plane ${ff.plane}; ` +
            `board with its axes at y ${fit768.boardTop}–${fit768.boardBottom} under the cockpit (bottom ${fit768.cockpitBottom}) in ${fit768.viewport}`,
        );
        expect(ff.clear90).toBeGreaterThanOrEqual(0.9);
        expect(ff.midWord).toBe(0);
        expect(ff.targetsVisible).toBe(10);
        // The whole board (axes included) is in the viewport, below the sticky cockpit, which stays in view.
        expect(fit768.cockpitTop).toBeGreaterThanOrEqual(0);
        expect(fit768.boardTop).toBeGreaterThanOrEqual(fit768.cockpitBottom);
        expect(fit768.boardBottom).toBeLessThanOrEqual(768);
        expect(fit768.planeLeft).toBeGreaterThanOrEqual(0);
        expect(fit768.planeRight).toBeLessThanOrEqual(1366);
        await fac.evaluate(() => window.scrollTo(0, 0));
        const facViolations = await axeViolations(fac);
        expect(facViolations, formatViolations(facViolations)).toEqual([]);
        await fac.locator('.rb-board').evaluate((el) => el.scrollIntoView({ block: 'end' }));
        await fac.screenshot({ path: path.join(SHOTS, 'density-60-facilitator.png') });

        // The small beamer in Koers: the join code beside the board is small now.
        await eventually(async () => expect(await small.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 10_000 });
        await eventually(async () => expect(await small.locator('.rb-screen--welcome').count()).toBe(0), { timeoutMs: 10_000 });
        const koers720 = await measureScreen(small);
        await expectNamesClear(small, `screen 1280×720 in Koers, ${n} cards`);
        await small.screenshot({ path: path.join(os.tmpdir(), 'density-60-screen-720-koers.png') });
        console.log(
          `[density] screen 1280×720 in Koers, ${n} cards: mode ${koers720.mode}; ${(koers720.clear90 * 100).toFixed(0)} % of labels ≥ 90 % unobstructed; ` +
            `${koers720.cutWords} cut or clipped; ${koers720.midWord} mid-word breaks; smallest text ${koers720.minFontPx} px; target markers visible ${koers720.targetsVisible}/${koers720.targets}; plane ${koers720.plane}`,
        );
        expect(koers720.clear90).toBeGreaterThanOrEqual(0.9);
        expect(koers720.cutWords).toBe(0);
        expect(koers720.targetsVisible).toBe(10);
        await expectScreenInsideViewport(small, `Koers, ${n} cards`);
        const koers720Violations = await axeViolations(small);
        expect(koers720Violations, formatViolations(koers720Violations)).toEqual([]);

        // Koers on the screen: all ten arrows.
        await eventually(async () => expect(await screen.locator('.rb-trajectories--targets [data-target-id]').count()).toBe(10), { timeoutMs: 10_000 });
        await eventually(async () => expect(await screen.locator('.rb-screen-cards [data-card-id][style*="left"]').count()).toBe(n), { timeoutMs: 10_000 });
        await screen.getByTestId('board-legend').waitFor();
        await screen.screenshot({ path: path.join(SHOTS, 'density-60-screen-koers.png') });
        await expectNamesClear(screen, `screen 1920×1080 in Koers, ${n} cards`);
        await expectScreenInsideViewport(screen, `Koers, ${n} cards`);

        // The facilitator filters the arrows by keyboard; the screen follows, and it is announced.
        const filter = fac.getByTestId('trajectory-filter');
        await filter.getByRole('radio', { name: 'Alle pijlen' }).focus();
        await fac.keyboard.press('ArrowRight');
        await eventually(async () => expect(await screen.locator('.rb-trajectories--targets [data-target-id]').count()).toBe(5), { timeoutMs: 10_000 });
        await eventually(async () => expect(await fac.locator('.rb-trajectories--targets [data-target-id]').count()).toBe(5), { timeoutMs: 5_000 });
        await eventually(async () => expect(await filter.locator('[aria-live]').textContent()).toContain('alleen de 5 grootste verschuivingen'), { timeoutMs: 5_000 });
        expect(await screen.getByTestId('trajectory-note').textContent()).toContain('Alleen de 5 grootste verschuivingen (van 10)');
        // The five shown are the five longest arrows.
        const shift = (id: string) => {
          const c = readCards(doc.doc).find((x) => x.id === id)!;
          return Math.hypot(c.target!.x - c.pos!.x, c.target!.y - c.pos!.y);
        };
        const shownIds = await screen.locator('.rb-trajectories--targets [data-target-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')!));
        const longest = [...ids.slice(0, 10)].sort((a, b) => shift(b) - shift(a)).slice(0, 5);
        expect(shownIds.sort()).toEqual(longest.sort());

        await fac.keyboard.press('ArrowRight');
        const focusId = ids[3]!;
        await filter.getByRole('combobox').waitFor();
        await filter.getByRole('combobox').selectOption(focusId);
        await eventually(async () => {
          const shown = await screen.locator('.rb-trajectories--targets [data-target-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));
          expect(shown).toEqual([focusId]);
        }, { timeoutMs: 10_000 });
        const focusTitle = readCards(doc.doc).find((c) => c.id === focusId)!.title;
        await eventually(async () => expect(await filter.locator('[aria-live]').textContent()).toContain(`alleen de pijl van ${focusTitle}`), { timeoutMs: 5_000 });
        expect(await screen.locator(`.rb-screen-cards [data-card-id="${focusId}"]`).getAttribute('class')).toContain('rb-screen-cards__focus');
        expect(await screen.locator('.rb-trajectories--arrows [data-trajectory-id]').count()).toBe(1);
        await screen.screenshot({ path: path.join(SHOTS, 'density-60-screen-focus.png') });
        const focusViolations = await axeViolations(screen);
        expect(focusViolations, formatViolations(focusViolations)).toEqual([]);
        // Back to all arrows (the radio group wraps around).
        await filter.getByRole('radio', { name: 'Eén kaart' }).focus();
        await fac.keyboard.press('ArrowRight');
        await eventually(async () => expect(await screen.locator('.rb-trajectories--targets [data-target-id]').count()).toBe(10), { timeoutMs: 10_000 });
        // Or from a chosen card (keyboard: the card's button, then its action).
        await fac.locator(`.rb-screen-cards [data-card-id="${ids[1]}"]`).focus();
        await fac.keyboard.press('Enter');
        const only = fac.getByRole('button', { name: 'Alleen deze pijl tonen' });
        await only.focus();
        await fac.keyboard.press('Enter');
        await eventually(async () => {
          const shown = await screen.locator('.rb-trajectories--targets [data-target-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-target-id')));
          expect(shown).toEqual([ids[1]]);
        }, { timeoutMs: 10_000 });
        await eventually(async () => expect(await only.getAttribute('aria-pressed')).toBe('true'), { timeoutMs: 5_000 });
        await fac.keyboard.press('Enter');
        await eventually(async () => expect(await screen.locator('.rb-trajectories--targets [data-target-id]').count()).toBe(10), { timeoutMs: 10_000 });

        // The board as PNG: always every arrow, with numbers (the filter is for the room, the export is the record).
        const png = await fetch(`${server.url}/api/workshops/${workshop.id}/export?format=png&lang=nl`, { headers: { cookie: api.cookie } });
        expect(png.status).toBe(200);
        fs.writeFileSync(path.join(SHOTS, 'export-board-60.png'), Buffer.from(await png.arrayBuffer()));

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
