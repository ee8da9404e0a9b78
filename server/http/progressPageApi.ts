import express, { type Router } from 'express';
import { randomId } from '../../shared/ids';
import type { ProgressReport, ReportSelection } from '../../shared/progressReport';
import { progressPageBody } from '../../shared/schemas';
import type { AccessControl } from '../auth/access';
import { mayPublishProgressPage, mayReadEmployeeProgressPage } from '../auth/capabilities';
import { hashToken, randomToken } from '../auth/tokens';
import { renderAtom, type FeedEntry } from '../followUp/atomFeed';
import { progressReport, type ProgressReportDeps } from '../followUp/progressReportData';
import type { ProgressPageRecord } from '../storage/followUpStore';
import { HttpError, parseBody } from './errors';
import { sendPicture } from './progressPicture';

export interface ProgressPageApiDeps extends ProgressReportDeps {
  access: AccessControl;
}

const YEAR_MS = 365 * 86_400_000;
const FEED_ENTRIES = 50;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Tokens of published pages start with this; only the public progress routes read them. */
const PAGE_TOKEN_PREFIX = 'v.';

export interface PublishedPage {
  id: string;
  audience: 'link' | 'employees';
  selection: ReportSelection;
  createdAt: number;
  revokedAt: number | null;
}

/**
 * The organisation's progress page (intranet, Regisserend Lochem §8): a
 * read-only overview with the council report's figures over the last twelve
 * months, published by a facilitator under an unguessable link or for every
 * signed-in employee, and an Atom feed of status changes.
 *
 * The link's token is in the path of the public routes (`/api/public/progress/<token>`):
 * an intranet and a feed reader can send nothing else. Paths are never logged
 * and every page sends `Referrer-Policy: no-referrer`; only a SHA-256 is stored.
 */
export function createProgressPageRouter(deps: ProgressPageApiDeps): Router {
  const { access, storage } = deps;
  const router = express.Router();

  const overview = (selection: ReportSelection): Promise<ProgressReport> => {
    const now = Date.now();
    const to = isoDay(now);
    return progressReport(deps, { from: isoDay(now - YEAR_MS), to, selection, today: to, now });
  };

  async function feed(report: ProgressReport, id: string, lang: 'nl' | 'en'): Promise<string> {
    const proposals = new Map(report.proposals.map((p) => [p.id, p]));
    const entries: FeedEntry[] = (await storage.followUp.progressBetween(0, Number.MAX_SAFE_INTEGER))
      .filter((e) => e.status !== null && proposals.has(e.proposalId))
      .reverse()
      .slice(0, FEED_ENTRIES)
      .map((e) => {
        const p = proposals.get(e.proposalId)!;
        return { id: e.id, at: e.at, proposalText: p.text, workshopTitle: p.workshopTitle, status: e.status!, note: e.note, actor: e.actor };
      });
    return renderAtom({
      id: `urn:regiebord:progress:${id}`,
      title: lang === 'nl' ? 'Voortgang actiepunten Regisserend Lochem' : 'Progress of action points Regisserend Lochem',
      updated: entries[0]?.at ?? report.generatedAt,
      lang,
      entries,
    });
  }

  async function byToken(token: string): Promise<ProgressPageRecord> {
    if (!token.startsWith(PAGE_TOKEN_PREFIX)) throw new HttpError(404, 'NOT_FOUND');
    const page = await storage.followUp.findProgressPageByToken(hashToken(token));
    if (!page || page.revokedAt !== null) throw new HttpError(404, 'NOT_FOUND');
    return page;
  }

  async function employeesPage(): Promise<ProgressPageRecord> {
    const page = (await storage.followUp.progressPages()).find((p) => p.audience === 'employees' && p.revokedAt === null);
    if (!page) throw new HttpError(404, 'NOT_FOUND');
    return page;
  }

  const sendFeed = (res: express.Response, xml: string) => {
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.send(xml);
  };

  // ------------------------------------------------------ publishing

  router.get('/knowledge/progress-pages', async (req, res) => {
    await mayPublishProgressPage(access, req.get('cookie'));
    const pages: PublishedPage[] = (await storage.followUp.progressPages()).map((p) => ({
      id: p.id,
      audience: p.audience,
      selection: p.selection,
      createdAt: p.createdAt,
      revokedAt: p.revokedAt,
    }));
    res.json({ pages });
  });

  router.post('/knowledge/progress-pages', async (req, res) => {
    const by = await mayPublishProgressPage(access, req.get('cookie'));
    const body = parseBody(progressPageBody, req.body);
    const selection: ReportSelection =
      body.scope === 'entry' ? { kind: 'entry', registerId: body.entry! } : body.scope === 'theme' ? { kind: 'theme', theme: body.theme! } : { kind: 'all' };
    const now = Date.now();
    const token = body.audience === 'link' ? randomToken(PAGE_TOKEN_PREFIX) : null;
    if (body.audience === 'employees') {
      // One page for every employee at a time: a new one replaces the old.
      for (const p of await storage.followUp.progressPages()) if (p.audience === 'employees') await storage.followUp.revokeProgressPage(p.id, now);
    }
    const page: ProgressPageRecord = {
      id: randomId(16),
      tokenHash: token ? hashToken(token) : null,
      audience: body.audience,
      selection,
      createdBy: by.account.id,
      createdAt: now,
      revokedAt: null,
    };
    await storage.followUp.createProgressPage(page);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({
      id: page.id,
      path: token ? `/voortgang/${token}` : '/voortgang/organisatie',
      feed: token ? `/api/public/progress/${token}/feed.atom` : '/api/progress-page/feed.atom',
    });
  });

  router.delete('/knowledge/progress-pages/:id', async (req, res) => {
    await mayPublishProgressPage(access, req.get('cookie'));
    if (!(await storage.followUp.revokeProgressPage(String(req.params.id), Date.now()))) throw new HttpError(404, 'NOT_FOUND');
    res.status(204).end();
  });

  // ------------------------------------------------------- reading

  router.get('/public/progress/:token', async (req, res) => {
    const page = await byToken(String(req.params.token));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ report: await overview(page.selection) });
  });

  router.get('/public/progress/:token/feed.atom', async (req, res) => {
    const page = await byToken(String(req.params.token));
    sendFeed(res, await feed(await overview(page.selection), page.id, req.query.lang === 'en' ? 'en' : 'nl'));
  });

  router.get('/public/progress/:token/picture.svg', async (req, res) => {
    const page = await byToken(String(req.params.token));
    await sendPicture(res, await overview(page.selection), req.query.lang === 'en' ? 'en' : 'nl');
  });

  router.get('/progress-page', async (req, res) => {
    await mayReadEmployeeProgressPage(access, req.get('cookie'));
    const page = await employeesPage();
    res.setHeader('Cache-Control', 'no-store');
    res.json({ report: await overview(page.selection) });
  });

  router.get('/progress-page/feed.atom', async (req, res) => {
    await mayReadEmployeeProgressPage(access, req.get('cookie'));
    const page = await employeesPage();
    sendFeed(res, await feed(await overview(page.selection), page.id, req.query.lang === 'en' ? 'en' : 'nl'));
  });

  router.get('/progress-page/picture.svg', async (req, res) => {
    await mayReadEmployeeProgressPage(access, req.get('cookie'));
    const page = await employeesPage();
    await sendPicture(res, await overview(page.selection), req.query.lang === 'en' ? 'en' : 'nl');
  });

  return router;
}
