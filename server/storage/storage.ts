import type { Template } from '../../shared/template';
import type { KnowledgeStore } from './knowledgeStore';
import type { FollowUpStore } from './followUpStore';
import type { MethodStore } from './methodStore';

/**
 * The one narrow door to durable state. Everything the server must enforce
 * (accounts, workshops, participants, tokens; Yjs updates) goes through it.
 * The methods are async so a networked engine (PostgreSQL) can implement the
 * same interface; the SQLite engine completes each call synchronously inside
 * the promise, which the Yjs endpoint relies on only for speed, not order.
 */
/** facilitator: runs workshops; member (action group, stuurgroep): reads the knowledge centre and tracker; admin: manages accounts. */
export type AccountRole = 'facilitator' | 'member' | 'admin';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['facilitator', 'member', 'admin'];
/** The first account (setup): it runs workshops and manages the accounts that follow. */
export const FIRST_ACCOUNT_ROLES: readonly AccountRole[] = ['facilitator', 'admin'];
/** An account made from an invitation: least privilege (BIO); an administrator may add roles. */
export const INVITED_ACCOUNT_ROLES: readonly AccountRole[] = ['facilitator'];
/** What storage writes for a new local account. */
export const localAccountRoles = (a: AccountRecord): string => (a.roles ?? INVITED_ACCOUNT_ROLES).join(',');

export interface AccountRecord {
  id: string;
  name: string;
  email: string;
  /** Empty for an account that signs in through OpenID Connect only. */
  passwordHash: string;
  createdAt: number;
  /** A new local account gets these (none given: facilitator only, the least privilege). */
  roles?: AccountRole[];
  /** The issuer of an account that signs in through OpenID Connect: its roles come from the provider. */
  oidcIssuer?: string;
  /** Switched off by an administrator: it cannot sign in, and its sessions were ended. */
  disabled?: boolean;
}

/** What the identity provider says about a person at sign-in. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  name: string;
  email: string;
  roles: AccountRole[];
}

export interface WorkshopRecord {
  id: string;
  title: string;
  joinCode: string;
  template: Template;
  ownerId: string;
  createdAt: number;
  /** Bumped to invalidate every shared-screen link of this workshop. */
  screenTokenVersion: number;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  name: string;
  createdAt: number;
  removed: boolean;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the last stored update, 0 if none: compaction removes up to here. */
  lastUpdateId: number;
}

/** What compactDocExclusive did: compacted, found another process compacting, or found no updates. */
export type CompactionOutcome = 'compacted' | 'busy' | 'nothing';

export interface Storage {
  /** Barriers, votes, proposals, alarms, placement rounds and the control state. */
  readonly method: MethodStore;
  /** Register, recorded boards, search, ledger, tracker, retention and deletion. */
  readonly knowledge: KnowledgeStore;
  /** After the workshop: action owners' update links and the proposals' progress history. */
  readonly followUp: FollowUpStore;

  // Accounts and sessions
  countAccounts(): Promise<number>;
  createAccount(account: AccountRecord): Promise<void>;
  /** Creates the account only while no account exists at all; false otherwise. Atomic. */
  createFirstAccount(account: AccountRecord): Promise<boolean>;
  findAccountByEmail(email: string): Promise<AccountRecord | undefined>;
  findAccount(id: string): Promise<AccountRecord | undefined>;
  /**
   * Creates the account of an OpenID Connect identity (issuer + subject) on its first sign-in, or
   * updates its name, e-mail and roles on a later one. Undefined when the e-mail belongs to another account.
   */
  upsertOidcAccount(identity: OidcIdentity, newId: string, now: number): Promise<AccountRecord | undefined>;
  /** Every account, oldest first (the administrator's list). */
  listAccounts(): Promise<AccountRecord[]>;
  setAccountRoles(id: string, roles: AccountRole[]): Promise<void>;
  /** Disables (ending all its sessions) or enables an account. */
  setAccountDisabled(id: string, disabled: boolean, now: number): Promise<void>;
  /** `oidcIdToken`: the ID token of a sign-in through OpenID Connect, for the logout at the provider. */
  createSession(tokenHash: string, accountId: string, expiresAt: number, oidcIdToken?: string): Promise<void>;
  findSessionAccount(tokenHash: string, now: number): Promise<AccountRecord | undefined>;
  /** Deletes the session; returns its ID token (OpenID Connect sessions only), for id_token_hint. */
  deleteSession(tokenHash: string): Promise<string | undefined>;
  /** Deletes every session expired by `now` (with its ID token); returns how many. */
  deleteExpiredSessions(now: number): Promise<number>;
  createInvite(tokenHash: string, email: string, invitedBy: string, expiresAt: number): Promise<void>;
  /** Returns the invited e-mail and deletes the invite, or undefined when unknown or expired. */
  takeInvite(tokenHash: string, now: number): Promise<string | undefined>;

  // Workshops and participants
  createWorkshop(workshop: WorkshopRecord): Promise<void>;
  findWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  findWorkshopByJoinCode(code: string): Promise<WorkshopRecord | undefined>;
  listWorkshops(): Promise<(WorkshopRecord & { ownerName: string })[]>;
  createParticipant(p: ParticipantRecord, tokenHash: string): Promise<void>;
  findParticipantByToken(tokenHash: string): Promise<ParticipantRecord | undefined>;
  renameParticipant(id: string, name: string): Promise<void>;

  // Board documents (Yjs)
  loadDoc(workshopId: string): Promise<StoredDoc>;
  /** Appends the updates in one transaction, durable when the promise resolves. Returns the last id. */
  appendUpdates(workshopId: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the snapshot and deletes updates up to `upToId`, in one transaction. */
  compactDoc(workshopId: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  /**
   * Compaction when several instances write the same board: in one transaction, reads what is
   * stored, lets `merge` build the snapshot from exactly that, stores it and deletes the updates it
   * holds. Only one process at a time runs this for a board: PostgreSQL takes
   * pg_try_advisory_xact_lock keyed by the workshop and answers 'busy' when another holds it
   * (released at commit, or when a killed instance's connection drops); SQLite runs it as one
   * BEGIN IMMEDIATE transaction (the file's write lock), so another process waits its turn and
   * then finds 'nothing' left to compact. `merge` must be synchronous.
   */
  compactDocExclusive(workshopId: string, merge: (stored: StoredDoc) => Uint8Array): Promise<CompactionOutcome>;

  // Server metadata (for example the secret that signs shared-screen links)
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}
