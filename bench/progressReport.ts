/**
 * `npm run bench:report`: what the council's progress report costs a live workshop.
 *
 * One server in this process, a seeded programme (WORKSHOPS × CARDS, with barriers,
 * proposals in every status, alarms; sizes from the environment), and a live workshop
 * beside it: a facilitator's board moves a card every 20 ms and a participant's board
 * times each move's arrival. Meanwhile the report is made, each way in turn:
 *
 * - `json`: the report's data only (storage reads and the pure model, on the main thread);
 * - `… in-thread (before)`: the JSON, then the PDF or Word file rendered on the main thread,
 *   as the route did before the worker;
 * - `… worker (after)`: the route as it is, rendering on the worker thread (pdfOffThread.ts).
 *
 * Printed per way (median of ROUNDS): the event loop's longest delay and p99 (how late a 5 ms
 * timer fires: it measures stalls of any length, however short the report), the longest and p99 wait of a board
 * move, and how long the report took. Server and both boards share this process's event loop,
 * so a blocked loop shows in both figures. On a loaded machine the figures are upper bounds.
 */
import { moveCard, readCards } from '../shared/board';
import type { ProgressReport } from '../shared/progressReport';
import { join } from '../tests/helpers/api';
import { connectedDoc } from '../tests/helpers/clients';
import { eventually } from '../tests/helpers/poll';
import { seedProgramme, SMALL_PROGRAMME, type ProgrammeSize } from '../tests/helpers/programme';
import { startServer } from '../tests/helpers/server';
import { workshopWithFacilitator } from '../tests/helpers/workshop';
import { watchCardX } from './observe';
import { ms, now, percentile, table } from './stats';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const size: ProgrammeSize = process.argv.includes('--small')
  ? SMALL_PROGRAMME
  : { workshops: env('WORKSHOPS', 12), cards: env('CARDS', 30), barriers: env('BARRIERS', 8), proposals: env('PROPOSALS', 12), participants: env('PARTICIPANTS', 5) };
const ROUNDS = env('ROUNDS', 3);
const MOVE_EVERY_MS = 20;

const server = await startServer({ engine: 'sqlite' });
const started = now();
const { api } = await seedProgramme(server, size, 'Programma');
console.log(`seeded ${size.workshops} workshops × ${size.cards} cards, ${size.barriers} barriers, ${size.proposals} proposals each in ${((now() - started) / 1000).toFixed(1)} s`);

// The live workshop: the facilitator's board writes, a participant's board reads.
const live = await workshopWithFacilitator(server, 'Lopende werksessie');
await live.api.post(`/api/workshops/${live.workshop.id}/cards`, { cards: [{ kind: 'domain', title: 'Bewegende kaart' }] });
const writer = await connectedDoc(server.wsUrl, live.workshop.id, { headers: { cookie: live.api.cookie, origin: server.url } });
const participant = await join(server.url, live.workshop.joinCode, 'Lezer');
const reader = await connectedDoc(server.wsUrl, live.workshop.id, { token: participant.token });
await eventually(() => readCards(writer.doc).length === 1 && readCards(reader.doc).length === 1);
const cardId = readCards(writer.doc)[0]!.id;
const sentAt = new Map<number, number>();
let waits: number[] = [];
watchCardX(reader.doc, cardId, (x, at) => {
  const sent = sentAt.get(x);
  if (sent === undefined) return;
  sentAt.delete(x);
  waits.push(at - sent);
});
let seq = 0;
const moveOnce = () => {
  // x encodes the move, so the reader knows which one arrived.
  const x = 0.1 + (seq++ % 800) / 1000;
  sentAt.set(x, now());
  moveCard(writer.doc, cardId, { x, y: 0.5 });
};

const query = '/api/knowledge/progress-report?scope=all';
const fetchFile = async (format: 'pdf' | 'docx') => {
  const res = await fetch(`${server.url}${query}&format=${format}`, { headers: { cookie: api.cookie } });
  if (res.status !== 200) throw new Error(`${format}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer()).length;
};
const reportJson = async () => (await api.get<{ report: ProgressReport }>(query)).body.report;
const { renderProgressPdf } = await import('../server/exports/progressPdf');
const { renderProgressDocx } = await import('../server/exports/progressDocx');

const ways: [string, () => Promise<unknown>][] = [
  ['json (data only)', reportJson],
  ['PDF in-thread (before)', async () => renderProgressPdf(await reportJson(), 'nl')],
  ['PDF worker (after)', () => fetchFile('pdf')],
  ['Word in-thread (before)', async () => renderProgressDocx(await reportJson(), 'nl')],
  ['Word worker (after)', () => fetchFile('docx')],
];

// Warm-up: the worker's start, pdfkit, resvg and the fonts loading are not the point.
const report = await reportJson();
console.log(`report: ${report.totals.workshops} workshops, ${report.totals.entries} domains and projects, ${report.totals.proposals} proposals, ${report.totals.recurringBarriers} recurring barriers`);
for (const [, work] of ways) await work();

/** How late each tick of a 5 ms timer fires while `work` runs: the event loop's delays. */
async function loopDelays(work: () => Promise<unknown>): Promise<number[]> {
  const TICK_MS = 5;
  const delays: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const t = performance.now();
    delays.push(Math.max(0, t - last - TICK_MS));
    last = t;
  }, TICK_MS);
  try {
    await work();
    delays.push(Math.max(0, performance.now() - last - TICK_MS));
    return delays;
  } finally {
    clearInterval(ticker);
  }
}

const results: Record<string, { loopMax: number[]; loopP99: number[]; waitMax: number[]; waitP99: number[]; took: number[]; moves: number[] }> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, work] of ways) {
    // Quiet moves first, so the board flows before the report starts.
    waits = [];
    sentAt.clear();
    const timer = setInterval(moveOnce, MOVE_EVERY_MS);
    await eventually(() => waits.length >= 5, { timeoutMs: 10_000 });
    waits = [];
    const t0 = now();
    const delays = await loopDelays(work);
    const took = now() - t0;
    // The moves sent during the report: wait until they arrived.
    clearInterval(timer);
    await eventually(() => sentAt.size === 0, { timeoutMs: 10_000 }).catch(() => undefined);
    const r = (results[name] ??= { loopMax: [], loopP99: [], waitMax: [], waitP99: [], took: [], moves: [] });
    r.loopMax.push(Math.max(...delays));
    r.loopP99.push(percentile(delays, 99));
    r.waitMax.push(Math.max(...waits));
    r.waitP99.push(percentile(waits, 99));
    r.took.push(took);
    r.moves.push(waits.length);
  }
}

const median = (v: number[]) => percentile(v, 50);
const rows: [string, string, string?][] = [];
for (const [name] of ways) {
  const r = results[name]!;
  rows.push([
    name,
    `event loop max ${ms(median(r.loopMax))}, p99 ${ms(median(r.loopP99))}; board move wait max ${ms(median(r.waitMax))}, p99 ${ms(median(r.waitP99))} (${median(r.moves)} moves); report ${ms(median(r.took))}`,
  ]);
}
console.log(table(`Progress report beside a live workshop (${size.workshops} workshops × ${size.cards} cards; median of ${ROUNDS} rounds)`, rows));

writer.destroy();
reader.destroy();
live.closeAll();
await server.stop();
process.exit(0);
