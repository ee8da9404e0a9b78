import type { ProgressActor } from '../../shared/followUp';
import type { AccountRecord, AccountRole } from '../storage/storage';
import type { AccessControl } from './access';
import { HttpError } from '../http/errors';

/**
 * One named check per capability of the follow-up after a workshop (issue 17), by role (issue 16):
 *
 * | capability                               | facilitator | member (stuurgroep, action group) | admin only |
 * |------------------------------------------|-------------|-----------------------------------|------------|
 * | assign an owner, hand out/revoke the link | yes         | yes                               | no         |
 * | read the tracker's follow-up, record progress | yes     | yes                               | no         |
 * | read the council's progress report        | yes         | yes                               | no         |
 * | publish or withdraw the organisation page | yes         | no                                | no         |
 * | read the page published for employees     | yes         | yes                               | yes        |
 *
 * "The stuurgroep (or any facilitator) assigns an owner" (issue 17); the policy document has the
 * stuurgroep follow the assignments. Our `member` role holds both the stuurgroep and the action
 * group (the identity provider's groups decide), so both may assign and record; publishing to the
 * organisation stays with facilitators ("a facilitator can publish", issue 17 item 4). A change is
 * recorded as `facilitator` when the account facilitates, else as `stuurgroep`.
 */
export interface Acting {
  account: AccountRecord;
  actor: ProgressActor;
}

async function withRole(access: AccessControl, cookieHeader: string | undefined, roles: readonly AccountRole[]): Promise<Acting> {
  const account = await access.accountFromCookie(cookieHeader);
  if (!account) throw new HttpError(401, 'UNAUTHENTICATED');
  const held = account.roles ?? [];
  if (!roles.some((r) => held.includes(r))) throw new HttpError(403, 'NOT_ALLOWED');
  return { account, actor: held.includes('facilitator') ? 'facilitator' : 'stuurgroep' };
}

const FOLLOW_UP: readonly AccountRole[] = ['facilitator', 'member'];

/** Assign an owner to a proposal, hand out and revoke the owner's update link. */
export function mayAssignActionOwner(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return withRole(access, cookieHeader, FOLLOW_UP);
}

/** Read a proposal's follow-up and record progress on it (status, note, new due date) as facilitator or stuurgroep. */
export function mayRecordProgress(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return withRole(access, cookieHeader, FOLLOW_UP);
}

/** Read the council's progress report (voortgangsrapportage) over all workshops. */
export function mayReadProgressReport(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return withRole(access, cookieHeader, FOLLOW_UP);
}

/** Publish or withdraw the organisation's progress page (intranet). */
export function mayPublishProgressPage(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return withRole(access, cookieHeader, ['facilitator']);
}

/** Read the progress page when it is published for every signed-in employee: any account. */
export function mayReadEmployeeProgressPage(access: AccessControl, cookieHeader: string | undefined): Promise<Acting> {
  return withRole(access, cookieHeader, ['facilitator', 'member', 'admin']);
}
