import type { ProgressActor } from '../../shared/followUp';
import type { AccountRecord } from '../storage/storage';
import type { AccessControl } from './access';
import { HttpError } from '../http/errors';

/**
 * One named check per capability of the follow-up after a workshop. Today every
 * signed-in account has each of them and acts as `facilitator`; when accounts
 * carry roles (branch sso-ops: facilitator, stuurgroep/action group,
 * administrator), only these functions change.
 */
export interface Acting {
  account: AccountRecord;
  actor: ProgressActor;
}

async function signedIn(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  const account = await access.accountFromCookie(cookieHeader);
  if (!account) throw new HttpError(401, 'UNAUTHENTICATED');
  return { account, actor: 'facilitator' };
}

/** Assign an owner to a proposal, hand out and revoke the owner's update link. */
export function mayAssignActionOwner(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return signedIn(access, cookieHeader);
}

/** Record progress on a proposal (status, note, new due date) as facilitator or stuurgroep. */
export function mayRecordProgress(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return signedIn(access, cookieHeader);
}

/** Read the council's progress report (voortgangsrapportage) over all workshops. */
export function mayReadProgressReport(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return signedIn(access, cookieHeader);
}

/** Publish or withdraw the organisation's progress page (intranet). */
export function mayPublishProgressPage(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return signedIn(access, cookieHeader);
}

/** Read the progress page when it is published for every signed-in employee. */
export function mayReadEmployeeProgressPage(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return signedIn(access, cookieHeader);
}
