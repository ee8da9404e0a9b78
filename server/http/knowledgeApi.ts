import { sameTitle } from '../../shared/knowledge';
import express, { type Request, type Router } from 'express';
import {
  addCardsBody,
  compareQuery,
  deleteWorkshopBody,
  duplicateBody,
  importQuery,
  exportQuery,
  ledgerLinkBody,
  ledgerUnlinkBody,
  registerEntryBody,
  registerEntryPatch,
  searchQuery,
  trackerPatchBody,
  trackerQuery,
  workshopExportSchema,
  workshopPatchBody,
} from '../../shared/schemas';
import type { AccessControl } from '../auth/access';
import { mayRecordProgress } from '../auth/capabilities';
import { renderExport, type PdfRenderer } from '../exports';
import { buildExport, type ExportDeps } from '../knowledge/exportModel';
import { importWorkshop } from '../knowledge/importWorkshop';
import type { KnowledgeCentre } from '../knowledge/knowledgeCentre';
import type { WorkshopLifecycle } from '../knowledge/lifecycle';
import type { AccountRecord, Storage, WorkshopRecord } from '../storage/storage';
import type { WorkshopService } from '../workshops';
import { HttpError, parseBody } from './errors';

export interface KnowledgeApiDeps extends ExportDeps {
  storage: Storage;
  access: AccessControl;
  workshops: WorkshopService;
  knowledge: KnowledgeCentre;
  lifecycle: WorkshopLifecycle;
  /** Renders PDF exports off the main thread. */
  pdf: PdfRenderer;
}

/** Largest JSON export accepted for import. */
export const IMPORT_LIMIT = '5mb';

/**
 * The knowledge centre and what lasts after a workshop: register, search,
 * history, ledger, tracker, exports, import, retention and deletion.
 *
 * Who may do what: every logged-in account (the action group) reads the
 * knowledge centre, exports any workshop and files the tracker; only a
 * workshop's facilitator changes that workshop (prepare, finish, reopen,
 * retention, pseudonymise, delete). Participants and shared screens have no
 * access here. See docs/api.md.
 */
export function createKnowledgeRouter(deps: KnowledgeApiDeps): Router {
  const { storage, access, workshops, knowledge, lifecycle } = deps;
  const router = express.Router();

  /** Facilitators and members (action group, stuurgroep) read; only facilitators change anything. */
  async function requireAccount(req: Request): Promise<AccountRecord> {
    const account = await access.accountFromCookie(req.get('cookie'));
    if (!account) throw new HttpError(401, 'UNAUTHENTICATED');
    const roles = account.roles ?? [];
    const reads = req.method === 'GET' || req.method === 'HEAD';
    if (!roles.includes('facilitator') && !(reads && roles.includes('member'))) throw new HttpError(403, 'NOT_ALLOWED');
    return account;
  }

  /** Any logged-in account may read a workshop here. */
  async function readable(req: Request): Promise<{ account: AccountRecord; workshop: WorkshopRecord }> {
    const account = await requireAccount(req);
    const workshop = await storage.findWorkshop(String(req.params.id ?? ''));
    if (!workshop) throw new HttpError(404, 'NOT_FOUND');
    return { account, workshop };
  }

  /** Only the workshop's facilitator may change it. */
  async function owned(req: Request): Promise<{ account: AccountRecord; workshop: WorkshopRecord }> {
    const { account, workshop } = await readable(req);
    if (workshop.ownerId !== account.id) throw new HttpError(403, 'NOT_ALLOWED');
    return { account, workshop };
  }

  // ---------------------------------------------------------- knowledge

  router.get('/knowledge/workshops', async (req, res) => {
    const account = await requireAccount(req);
    res.json({ workshops: await knowledge.workshops(account.id) });
  });

  router.get('/knowledge/search', async (req, res) => {
    await requireAccount(req);
    const q = parseBody(searchQuery, req.query);
    res.json(await knowledge.search(q.q, q.type, q.limit));
  });

  router.get('/knowledge/compare', async (req, res) => {
    await requireAccount(req);
    const q = parseBody(compareQuery, req.query);
    const [from, to] = await Promise.all([storage.findWorkshop(q.from), storage.findWorkshop(q.to)]);
    if (!from || !to) throw new HttpError(404, 'NOT_FOUND');
    res.json(await knowledge.compare(from, to));
  });

  router.get('/knowledge/barriers', async (req, res) => {
    await requireAccount(req);
    res.json(await knowledge.ledger());
  });

  router.post('/knowledge/barriers/link', async (req, res) => {
    await requireAccount(req);
    const body = parseBody(ledgerLinkBody, req.body);
    res.json({ ledgerId: await knowledge.link(body.barrierIds) });
  });

  router.post('/knowledge/barriers/unlink', async (req, res) => {
    await requireAccount(req);
    const body = parseBody(ledgerUnlinkBody, req.body);
    await knowledge.unlink(body.barrierId);
    res.status(204).end();
  });

  router.get('/knowledge/proposals', async (req, res) => {
    await requireAccount(req);
    const q = parseBody(trackerQuery, req.query);
    res.json({
      proposals: await knowledge.tracker({
        owner: q.owner,
        status: q.status,
        overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        today: q.today,
      }),
    });
  });

  router.patch('/knowledge/proposals/:id', async (req, res) => {
    // The tracker's quick change: the stuurgroep may make it too (the same check as the history
    // entry the follow-up router recorded just before).
    await mayRecordProgress(access, req.get('cookie'));
    const body = parseBody(trackerPatchBody, req.body);
    res.json({ proposal: await knowledge.updateTracked(String(req.params.id), body) });
  });

  // ----------------------------------------------------------- register

  router.get('/register', async (req, res) => {
    await requireAccount(req);
    res.json({ entries: await knowledge.register() });
  });

  router.post('/register', async (req, res) => {
    await requireAccount(req);
    res.status(201).json({ entry: await knowledge.addToRegister(parseBody(registerEntryBody, req.body)) });
  });

  router.get('/register/:id', async (req, res) => {
    await requireAccount(req);
    res.json(await knowledge.registerDetail(String(req.params.id)));
  });

  router.patch('/register/:id', async (req, res) => {
    await requireAccount(req);
    res.json({ entry: await knowledge.updateRegister(String(req.params.id), parseBody(registerEntryPatch, req.body)) });
  });

  // ---------------------------------------------------------- workshops

  router.post('/workshops/import', async (req, res) => {
    const account = await requireAccount(req);
    const model = parseBody(workshopExportSchema, req.body);
    const { title } = parseBody(importQuery, req.query);
    const workshop = await importWorkshop(deps, account, model, title);
    res.status(201).json(workshops.detail(workshop, account.name));
  });

  router.get('/workshops/:id/export', async (req, res) => {
    const { workshop } = await readable(req);
    const q = parseBody(exportQuery, req.query);
    const model = await buildExport(deps, workshop);
    const file = await renderExport(model, q.format, { lang: q.lang, table: q.table, pdf: deps.pdf });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    // Workshop content is personal data: never cached by the browser or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.body);
  });

  /** The report model (the JSON export) for the HTML report page; not a download. */
  router.get('/workshops/:id/report', async (req, res) => {
    const { workshop, account } = await readable(req);
    const model = await buildExport(deps, workshop);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ id: workshop.id, mine: workshop.ownerId === account.id, report: model });
  });

  router.post('/workshops/:id/duplicate', async (req, res) => {
    const { account, workshop } = await readable(req);
    const body = parseBody(duplicateBody, req.body ?? {});
    const copy = await lifecycle.duplicate(account, workshop, body.title);
    res.status(201).json(workshops.detail(copy, account.name));
  });

  router.post('/workshops/:id/finish', async (req, res) => {
    const { workshop } = await owned(req);
    await lifecycle.finish(workshop.id);
    res.status(204).end();
  });

  router.post('/workshops/:id/reopen', async (req, res) => {
    const { workshop } = await owned(req);
    await lifecycle.reopen(workshop.id);
    res.status(204).end();
  });

  router.patch('/workshops/:id', async (req, res) => {
    const { workshop } = await owned(req);
    const body = parseBody(workshopPatchBody, req.body);
    if (body.retentionUntil !== undefined) await lifecycle.setRetention(workshop.id, body.retentionUntil);
    if (body.title !== undefined) await lifecycle.rename(workshop.id, body.title);
    res.status(204).end();
  });

  router.post('/workshops/:id/pseudonymise', async (req, res) => {
    const { workshop } = await owned(req);
    await lifecycle.pseudonymise(workshop.id);
    res.status(204).end();
  });

  router.delete('/workshops/:id', async (req, res) => {
    const { workshop } = await owned(req);
    const body = parseBody(deleteWorkshopBody, req.body ?? {});
    if (!sameTitle(body.confirmTitle, workshop.title)) throw new HttpError(400, 'CONFIRMATION_NEEDED');
    await lifecycle.delete(workshop.id);
    res.status(204).end();
  });

  router.post('/workshops/:id/cards', async (req, res) => {
    const { workshop } = await owned(req);
    const body = parseBody(addCardsBody, req.body);
    if ((await deps.controls.get(workshop.id)).finishedAt) throw new HttpError(409, 'WORKSHOP_FINISHED');
    res.status(201).json({ cardIds: await knowledge.addCards(workshop, body) });
  });

  router.get('/workshops/:id/open-proposals', async (req, res) => {
    const { workshop } = await owned(req);
    res.json({ proposals: await knowledge.openProposalsFor(workshop) });
  });

  return router;
}
