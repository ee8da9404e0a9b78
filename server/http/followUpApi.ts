import express, { type Router } from 'express';
import { ownerLinkBody, progressBody, trackerPatchBody } from '../../shared/schemas';
import type { AccessControl } from '../auth/access';
import { mayAssignActionOwner, mayRecordProgress } from '../auth/capabilities';
import type { ActionOwners } from '../followUp/actionOwners';
import { parseBody } from './errors';

export interface FollowUpApiDeps {
  access: AccessControl;
  owners: ActionOwners;
}

/**
 * After the workshop: action owners' update links and progress (docs/api.md).
 *
 * The owner's token is read from the `Authorization: Bearer a.…` header of the
 * `/owner/…` routes only: no other route reads that header, so the token opens
 * nothing else. It never travels in a path or query string (no logs, no Referer).
 */
export function createFollowUpRouter({ access, owners }: FollowUpApiDeps): Router {
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

  return router;
}
