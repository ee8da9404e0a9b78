/**
 * Search gives the same hits on both engines: the same data written through
 * the Storage interface into an SQLite file and a PostgreSQL database, the same
 * queries (folded and stemmed by the shared rules), the same sets of items.
 * In the integration-postgres project only (it needs a PostgreSQL server).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchForms } from '../../server/knowledge/dutchText';
import { openStorage } from '../../server/storage/open';
import type { Storage } from '../../server/storage/storage';
import { SEARCH_TYPES, MATCH_END, MATCH_START, type SearchType } from '../../shared/knowledge';
import { LOCHEM_TEMPLATE } from '../../shared/template';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { tempDataDir } from '../helpers/server';

const TEXTS = [
  'Eén loket voor ondernemers',
  'Café de Zon: terras-vergunning',
  'Coördinatie van de jeugdzorg (Wmo)',
  'Ideeën voor woningbouw in 2026',
  'Drempels bij subsidieregelingen',
  'Woningen en woonwijken',
  "Auto's en fietspaden; mobiliteit",
  'Mail naar info@gemeente-lochem.nl of kijk op www.lochem.nl/regie',
  'Netcongestie: zonnepark stuit op capaciteit',
  'Regie op participatie — inwoners & verenigingen',
  'Stoppen met dubbele procedures',
  'E-mail en privacy bij data-uitwisseling',
  'Overleg met de provincie over de omgevingsvisie',
  'Naïeve aannames over ruimte en natuur',
  'Versnellen: één aanspreekpunt per dorp',
  'Handhaving 3.5 fte, budget €120.000',
  'Mandaat van het college voor subsidies en vergunningen',
];

const QUERIES = [
  'loket', 'een', 'één loket', 'cafe', 'café', 'terras', 'vergunning', 'coordinatie', 'jeugd', 'wmo', 'ideeen',
  'woningen', 'woning', 'drempels', 'subsidie', 'auto', 'fiets', 'gemeente', 'lochem', 'info', 'regie', 'nl',
  'netcongestie zonnepark', 'participatie inwoners', 'stoppen', 'stop', 'mail', 'data', 'provincie', 'naieve',
  'versnellen', 'dorp', '2026', '3', '120', 'fte', 'de', 'e', 'zzzz', 'omgeving', 'natuur ruimte', 'procedure',
  // Found through the Snowball stems or the form without "s" (searchForms).
  'mandaten', 'subsidies', 'colleges', 'vergunningen', 'wijken', 'verenigingen', 'aanname',
];

async function seed(storage: Storage): Promise<void> {
  await storage.createAccount({ id: 'acc', name: 'Facilitator', email: 'f@example.org', passwordHash: 'x', createdAt: 1 });
  for (let w = 0; w < 4; w++) {
    const id = `w${w}`;
    await storage.createWorkshop({
      id,
      title: `${TEXTS[(w * 5) % TEXTS.length]} ${w}`,
      joinCode: String(10_000_000 + w),
      template: LOCHEM_TEMPLATE,
      ownerId: 'acc',
      createdAt: Date.UTC(2024, 0, 1) + w * 86_400_000,
      screenTokenVersion: 1,
    });
    await storage.knowledge.replaceCardRecords(
      id,
      TEXTS.map((t, i) => ({
        cardId: `c${i}`,
        registerId: null,
        kind: i % 2 ? 'project' : 'domain',
        title: TEXTS[(i + w) % TEXTS.length]!,
        department: i % 3 ? 'Ruimte' : 'Sociaal domein',
        description: t,
        pos: i % 7 ? { x: 0.5, y: 0.5 } : null,
        target: null,
      })),
    );
    for (let i = 0; i < 8; i++) {
      await storage.method.addBarrier({
        id: `${id}b${i}`,
        workshopId: id,
        text: TEXTS[(i * 3 + w) % TEXTS.length]!,
        cardIds: [],
        heading: i % 3 ? '' : TEXTS[(i + 7) % TEXTS.length]!,
        authorId: 'p',
        authorName: '',
        mergedInto: null,
        createdAt: i,
        variants: [],
      });
    }
    // Removed and merged barriers leave the index; a heading change is indexed.
    await storage.method.removeBarrier(id, `${id}b1`);
    await storage.method.mergeBarriers(id, `${id}b2`, `${id}b3`);
    await storage.method.setBarrierHeading(id, [`${id}b4`], 'Gemeentelijke regie');
    for (let i = 0; i < 4; i++) {
      await storage.method.addProposal({
        id: `${id}p${i}`, workshopId: id, barrierId: `${id}b0`, cardId: null, text: TEXTS[(i * 7 + w) % TEXTS.length]!,
        kind: 'versnellen', owner: i % 2 ? 'Wethouder Jansen' : '', dueDate: '', status: 'open', authorId: 'p', authorName: '', createdAt: i,
      });
    }
    await storage.method.removeProposal(id, `${id}p1`);
    await storage.method.updateProposal(id, `${id}p2`, { text: 'Één subsidieloket in de regio', owner: 'Afdeling Economie' });
  }
  // One workshop deleted for good: none of it may be found.
  await storage.knowledge.deleteWorkshop('w3');
}

const key = (h: { type: string; workshopId: string; itemId: string }) => `${h.type}:${h.workshopId}:${h.itemId}`;
const unmark = (s: string) => s.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');

describe('search parity between SQLite and PostgreSQL', () => {
  let dataDir: string;
  let database: TestDatabase;
  let sqlite: Storage;
  let postgres: Storage;

  beforeAll(async () => {
    dataDir = tempDataDir();
    database = await createTestDatabase();
    sqlite = await openStorage({ dataDir, databaseUrl: '' });
    postgres = await openStorage({ dataDir, databaseUrl: database.url });
    await seed(sqlite);
    await seed(postgres);
  });

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(QUERIES)('"%s" finds the same items on both engines', async (query) => {
    const forms = searchForms(query);
    for (const type of [undefined, ...SEARCH_TYPES] as (SearchType | undefined)[]) {
      const a = await sqlite.knowledge.search(forms, type, 1000);
      const b = await postgres.knowledge.search(forms, type, 1000);
      expect(b.map(key).sort(), `type ${type ?? 'all'}`).toEqual(a.map(key).sort());
      // The same item shows the same title (marks aside) and workshop.
      const byKey = new Map(a.map((h) => [key(h), h]));
      for (const h of b) {
        const s = byKey.get(key(h))!;
        expect(unmark(h.title)).toBe(unmark(s.title));
        expect(h.workshopTitle).toBe(s.workshopTitle);
        expect(h.workshopCreatedAt).toBe(s.workshopCreatedAt);
      }
    }
  });

  it('finds something for most queries, nothing of the deleted workshop, and marks the matched words', async () => {
    let found = 0;
    for (const query of QUERIES) {
      const hits = await postgres.knowledge.search(searchForms(query), undefined, 1000);
      if (hits.length) found++;
      expect(hits.filter((h) => h.workshopId === 'w3')).toEqual([]);
    }
    expect(found).toBeGreaterThan(QUERIES.length * 0.8);
    const [hit] = await postgres.knowledge.search(searchForms('cafe'), 'card', 1);
    expect(hit!.title).toContain(`${MATCH_START}Café${MATCH_END}`);
  });

  it('ranks a title match above a body-only match on both engines', async () => {
    for (const storage of [sqlite, postgres]) {
      const hits = await storage.knowledge.search(searchForms('netcongestie'), 'card', 1000);
      const firstBodyOnly = hits.findIndex((h) => !h.title.includes(MATCH_START));
      const lastTitle = hits.map((h) => h.title.includes(MATCH_START)).lastIndexOf(true);
      expect(lastTitle).toBeLessThan(firstBodyOnly === -1 ? Infinity : firstBodyOnly);
    }
  });
});
