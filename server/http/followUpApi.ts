import express, { type Router } from 'express';
import type { ExportLang } from '../../shared/export';
import type { ProgressReport, ReportSelection } from '../../shared/progressReport';
import { ownerLinkBody, progressBody, progressReportQuery, trackerPatchBody } from '../../shared/schemas';
import { DOCX_TYPE } from '../exports';
import { progressReport, type ProgressReportDeps } from '../followUp/progressReportData';
import type { AccessControl } from '../auth/access';
import { mayAssignActionOwner, mayReadProgressReport, mayRecordProgress } from '../auth/capabilities';
import type { ActionOwners } from '../followUp/actionOwners';
import { parseBody } from './errors';
import { sendPicture } from './progressPicture';

export interface FollowUpApiDeps extends ProgressReportDeps {
  access: AccessControl;
  owners: ActionOwners;
  /**
   * Renders the council's report as a file: the server passes its worker thread
   * (pdfOffThread.ts), so a long report never holds up a live workshop's broadcasts.
   */
  renderReport: (report: ProgressReport, format: 'pdf' | 'docx', lang: ExportLang) => Promise<Buffer>;
}

const YEAR_MS = 365 * 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * After the workshop: action owners' update links and progress (docs/api.md).
 *
 * The owner's token is read from the `Authorization: Bearer a.…` header of the
 * `/owner/…` routes only: no other route reads that header, so the token opens
 * nothing else. It never travels in a path or query string (no logs, no Referer).
 */
export function createFollowUpRouter(deps: FollowUpApiDeps): Router {
  const { access, owners } = deps;
  const router = express.Router();

  // ------------------------------------------------ the owner, by the link

  router.get('/owner/action', async (req, res) => {
    const link = await owners.resolve(req.get('authorization'));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await owners.ownerAction(link));
  });

  router.post('/owner/progress', async (req, res) => {
    const link = await owners.resolve(req.get('authorization'));
    const body = parseBody(progressBody, req.body);
    const entry = await owners.recordAsOwner(link, body);
    res.status(201).json({ entry, action: await owners.ownerAction(link) });
  });

  // --------------------------------------- facilitators (later stuurgroep)

  router.post('/knowledge/proposals/:id/owner-link', async (req, res) => {
    const by = await mayAssignActionOwner(access, req.get('cookie'));
    const body = parseBody(ownerLinkBody, req.body ?? {});
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(await owners.createLink(String(req.params.id), body.owner, by));
  });

  router.delete('/knowledge/proposals/:id/owner-link', async (req, res) => {
    await mayAssignActionOwner(access, req.get('cookie'));
    await owners.revoke(String(req.params.id));
    res.status(204).end();
  });

  router.get('/knowledge/proposals/:id/follow-up', async (req, res) => {
    await mayRecordProgress(access, req.get('cookie'));
    res.json(await owners.followUp(String(req.params.id)));
  });

  router.post('/knowledge/proposals/:id/progress', async (req, res) => {
    const by = await mayRecordProgress(access, req.get('cookie'));
    const body = parseBody(progressBody, req.body);
    res.status(201).json({ entry: await owners.record(String(req.params.id), body, by) });
  });

  /**
   * The tracker's quick change (status, owner, due date), kept in the history
   * too. Registered before the knowledge centre's own PATCH, which it replaces.
   */
  router.patch('/knowledge/proposals/:id', async (req, res, next) => {
    const by = await mayRecordProgress(access, req.get('cookie'));
    const body = parseBody(trackerPatchBody, req.body);
    await owners.record(String(req.params.id), { status: body.status, dueDate: body.dueDate, note: '', dueReason: '' }, by, body.owner);
    next();
  });

  // ------------------------------- the council's progress report (§8)

  /**
   * Over a period (default: the last twelve months) and a selection (all
   * workshops, one register entry, or a theme). JSON for the knowledge
   * centre's page; Word and PDF as downloads.
   */
  router.get('/knowledge/progress-report', async (req, res) => {
    await mayReadProgressReport(access, req.get('cookie'));
    const q = parseBody(progressReportQuery, req.query);
    const now = Date.now();
    const to = q.to ?? isoDay(now);
    const from = q.from ?? isoDay(Date.parse(`${to}T00:00:00Z`) - YEAR_MS);
    const selection: ReportSelection =
      q.scope === 'entry' ? { kind: 'entry', registerId: q.entry! } : q.scope === 'theme' ? { kind: 'theme', theme: q.theme! } : { kind: 'all' };
    const report = await progressReport(deps, { from, to, selection, today: isoDay(now), now });
    res.setHeader('Cache-Control', 'no-store');
    if (q.format === 'json') {
      res.json({ report });
      return;
    }
    if (q.format === 'svg') {
      await sendPicture(res, report, q.lang);
      return;
    }
    const name = `voortgangsrapportage-${from}-${to}.${q.format}`;
    const body = await deps.renderReport(report, q.format, q.lang);
    res.setHeader('Content-Type', q.format === 'docx' ? DOCX_TYPE : 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(body);
  });

  return router;
}
