import express, { type Request, type Router } from 'express';
import type { AccountListItem } from '../../shared/protocol';
import { updateAccountBody } from '../../shared/schemas';
import type { AccessControl } from '../auth/access';
import type { AccountRecord, Storage } from '../storage/storage';
import { HttpError, parseBody } from './errors';

export interface AccountsApiDeps {
  storage: Storage;
  access: AccessControl;
}

function listItem(a: AccountRecord): AccountListItem {
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    roles: a.roles ?? [],
    managedBy: a.oidcIssuer ? 'provider' : 'local',
    disabled: a.disabled === true,
    createdAt: a.createdAt,
  };
}

/**
 * /api/accounts: the administrator's account list. An administrator changes the roles of a local
 * (password) account; an OpenID Connect account's roles come from the provider's groups at each
 * sign-in, so changing them here would be undone silently: refused with ROLES_MANAGED_BY_PROVIDER.
 * Any account can be switched off (its sessions end at once) and on again, except one's own.
 */
export function createAccountsRouter({ storage, access }: AccountsApiDeps): Router {
  const router = express.Router();

  async function requireAdmin(req: Request): Promise<AccountRecord> {
    const account = await access.accountFromCookie(req.get('cookie'));
    if (!account) throw new HttpError(401, 'UNAUTHENTICATED');
    if (!account.roles?.includes('admin')) throw new HttpError(403, 'NOT_ALLOWED');
    return account;
  }

  router.get('/accounts', async (req, res) => {
    await requireAdmin(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ accounts: (await storage.listAccounts()).map(listItem) });
  });

  router.patch('/accounts/:id', async (req, res) => {
    const admin = await requireAdmin(req);
    const body = parseBody(updateAccountBody, req.body);
    const target = await storage.findAccount(String(req.params.id ?? ''));
    if (!target) throw new HttpError(404, 'NOT_FOUND');
    // An administrator never locks themselves out (and so one administrator always remains).
    if (target.id === admin.id && (body.disabled === true || (body.roles && !body.roles.includes('admin')))) {
      throw new HttpError(409, 'OWN_ACCOUNT');
    }
    if (body.roles) {
      if (target.oidcIssuer) throw new HttpError(409, 'ROLES_MANAGED_BY_PROVIDER');
      await storage.setAccountRoles(target.id, [...new Set(body.roles)]);
    }
    if (body.disabled !== undefined) await storage.setAccountDisabled(target.id, body.disabled, Date.now());
    res.json({ account: listItem((await storage.findAccount(target.id))!) });
  });

  return router;
}
