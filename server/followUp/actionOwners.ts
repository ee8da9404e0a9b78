import type { OwnerAction, OwnerLinkCreated, OwnerLinkState, ProgressBody, ProgressEntry, ProposalFollowUp } from '../../shared/followUp';
import type { Proposal } from '../../shared/method';
import type { Acting } from '../auth/capabilities';
import { hashToken, randomToken } from '../auth/tokens';
import { HttpError } from '../http/errors';
import type { WorkshopLifecycle } from '../knowledge/lifecycle';
import type { Broadcaster } from '../method/broadcaster';
import type { OwnerLinkRecord } from '../storage/followUpStore';
import type { Storage } from '../storage/storage';

/** Action owners' tokens start with this, so no other route mistakes one for its own. */
export const ACTION_OWNER_TOKEN_PREFIX = 'a.';
/** The owner page; the token travels in the fragment, which browsers never send to a server. */
export const OWNER_PAGE_PATH = '/actie';

export interface ActionOwnersDeps {
  storage: Storage;
  lifecycle: WorkshopLifecycle;
  broadcaster: () => Broadcaster;
  now?: () => number;
}

/**
 * Action owners without an account (Regisserend Lochem §6: the stuurgroep
 * names a responsible manager for every action point). A personal link per
 * proposal lets the owner report progress; every change to a proposal, by the
 * owner or in the tracker, is kept as a dated history entry and reaches a live
 * workshop through the broadcaster.
 */
export class ActionOwners {
  constructor(private readonly deps: ActionOwnersDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private async proposal(proposalId: string): Promise<Proposal & { workshopId: string }> {
    const workshopId = await this.deps.storage.knowledge.proposalWorkshop(proposalId);
    const proposal = workshopId && (await this.deps.storage.method.findProposal(workshopId, proposalId));
    if (!workshopId || !proposal) throw new HttpError(404, 'NOT_FOUND');
    return proposal;
  }

  /** The link lives as long as the workshop is kept: its retention date. */
  private async expiresAt(workshopId: string): Promise<number> {
    const workshop = await this.deps.storage.findWorkshop(workshopId);
    if (!workshop) return 0;
    return this.deps.lifecycle.retentionUntil(workshop, await this.deps.storage.followUp.retentionOf(workshopId));
  }

  private async linkState(link: OwnerLinkRecord): Promise<OwnerLinkState> {
    return { owner: link.owner, createdAt: link.createdAt, expiresAt: await this.expiresAt(link.workshopId), revokedAt: link.revokedAt };
  }

  /**
   * Assigns the owner (when given) and hands out a new link; any earlier link of
   * this proposal stops working. The token is shown once, here, and only its
   * SHA-256 is stored.
   */
  async createLink(proposalId: string, owner: string | undefined, by: Acting): Promise<OwnerLinkCreated> {
    const proposal = await this.proposal(proposalId);
    const name = owner ?? proposal.owner;
    if (!name) throw new HttpError(400, 'INVALID_PAYLOAD', 'owner');
    if (name !== proposal.owner) await this.record(proposalId, { note: '', dueReason: '' }, by, name);
    const at = this.now();
    await this.deps.storage.followUp.revokeLinks(proposalId, at);
    const token = randomToken(ACTION_OWNER_TOKEN_PREFIX);
    const link: OwnerLinkRecord = {
      tokenHash: hashToken(token),
      proposalId,
      workshopId: proposal.workshopId,
      owner: name,
      createdBy: by.account.id,
      createdAt: at,
      revokedAt: null,
    };
    await this.deps.storage.followUp.createLink(link);
    return { ...(await this.linkState(link)), path: `${OWNER_PAGE_PATH}#${token}` };
  }

  async revoke(proposalId: string): Promise<void> {
    await this.proposal(proposalId);
    await this.deps.storage.followUp.revokeLinks(proposalId, this.now());
  }

  async followUp(proposalId: string): Promise<ProposalFollowUp> {
    await this.proposal(proposalId);
    const link = await this.deps.storage.followUp.latestLink(proposalId);
    return { history: await this.deps.storage.followUp.history(proposalId), link: link ? await this.linkState(link) : null };
  }

  /** A change by an account (facilitator, later stuurgroep), from the tracker. */
  async record(proposalId: string, body: ProgressBody, by: Acting, owner?: string): Promise<ProgressEntry> {
    const proposal = await this.proposal(proposalId);
    return this.store(proposal.workshopId, proposalId, body, by.actor, by.account.name, owner);
  }

  /** The link's token → its live link; anything else is refused alike (no hint which part failed). */
  async resolve(authorization: string | undefined): Promise<OwnerLinkRecord> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token?.startsWith(ACTION_OWNER_TOKEN_PREFIX)) throw new HttpError(401, 'UNAUTHENTICATED');
    const link = await this.deps.storage.followUp.findLink(hashToken(token));
    if (!link || link.revokedAt !== null || (await this.expiresAt(link.workshopId)) <= this.now()) {
      throw new HttpError(401, 'UNAUTHENTICATED');
    }
    return link;
  }

  /** What the owner sees: the action point, its context, its history. */
  async ownerAction(link: OwnerLinkRecord): Promise<OwnerAction> {
    const { storage } = this.deps;
    const proposal = await this.proposal(link.proposalId);
    const workshop = await storage.findWorkshop(link.workshopId);
    if (!workshop) throw new HttpError(404, 'NOT_FOUND');
    const barrier = proposal.barrierId ? await storage.method.findBarrier(link.workshopId, proposal.barrierId) : undefined;
    const card = proposal.cardId
      ? (await storage.knowledge.cardRecords(link.workshopId)).find((c) => c.cardId === proposal.cardId)
      : undefined;
    const alarms = (await storage.method.listAlarms(link.workshopId))
      .filter((a) => a.status === 'confirmed' && (a.targetId === proposal.id || a.targetId === proposal.barrierId))
      .map((a) => a.reason);
    return {
      proposal: {
        id: proposal.id,
        text: proposal.text,
        kind: proposal.kind,
        owner: proposal.owner,
        dueDate: proposal.dueDate,
        status: proposal.status,
      },
      workshop: { title: workshop.title, createdAt: workshop.createdAt },
      cardTitle: card?.title ?? '',
      barrierText: barrier?.text ?? '',
      alarms,
      history: await storage.followUp.history(proposal.id),
      expiresAt: await this.expiresAt(link.workshopId),
    };
  }

  async recordAsOwner(link: OwnerLinkRecord, body: ProgressBody): Promise<ProgressEntry> {
    const proposal = await this.proposal(link.proposalId);
    return this.store(link.workshopId, proposal.id, body, 'owner', proposal.owner || link.owner);
  }

  private async store(
    workshopId: string,
    proposalId: string,
    body: ProgressBody,
    actor: ProgressEntry['actor'],
    actorName: string,
    owner?: string,
  ): Promise<ProgressEntry> {
    const entry = await this.deps.storage.followUp.recordProgress({
      workshopId,
      proposalId,
      at: this.now(),
      actor,
      actorName,
      status: body.status,
      note: body.note,
      dueDate: body.dueDate,
      dueReason: body.dueReason,
      owner,
    });
    if (!entry) throw new HttpError(404, 'NOT_FOUND');
    // A workshop that is open shows the new status at once, as tracker changes do.
    this.deps.broadcaster().schedule(workshopId, 'proposals');
    return entry;
  }
}
