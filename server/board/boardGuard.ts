import * as Y from 'yjs';
import { cardsOf, CARD_FIELDS, type CardChange } from '../../shared/board';
import type { ErrorCode } from '../../shared/errors';
import { currentPhase, type ControlState } from '../../shared/control';
import { mayParticipant, type Permission } from '../../shared/phases';
import type { Principal } from '../auth/access';
import { classifyUpdate } from './classifyUpdate';
import { findStaleWrites, PositionClock, type StaleWrite } from './staleWrites';

export type WriteVerdict =
  | { action: 'apply'; repair?: (doc: Y.Doc) => void }
  /** Not applied; the connection stays (a read-only client's sync, a write outside the board). */
  | { action: 'drop'; reason: string }
  /** Not a real update: the sender is disconnected. */
  | { action: 'reject'; reason: string };

/** Decides, per incoming update, whether and how it may change the board. */
export interface WriteGuard {
  review(principal: Principal, doc: Y.Doc, update: Uint8Array): WriteVerdict;
}

/** What a participant needs for each kind of card change. Removing is the facilitator's. */
const PERMISSION_FOR: Record<CardChange, Permission | null> = {
  add: 'addCards',
  edit: 'addCards',
  move: 'moveCards',
  target: 'setTargets',
  remove: null,
};

/** The card fields that a change of this kind touches; used to put them back. */
const FIELDS_OF: Record<CardChange, readonly string[]> = {
  add: [],
  remove: [],
  move: ['pos', 'x', 'y'],
  target: ['tx', 'ty'],
  edit: Object.keys(CARD_FIELDS).filter((f) => CARD_FIELDS[f as keyof typeof CARD_FIELDS] === 'edit'),
};

/**
 * The board's write policy on the Yjs endpoint: the shared screen is read-only;
 * participants may change cards only as the current phase allows and while the
 * board is not locked; nobody writes outside the card map or invalid values.
 *
 * A refused change is not silently dropped (the sender's document would then
 * differ from everyone else's for good). It is applied and at once undone by a
 * server transaction, so every client, the sender included, converges on the
 * allowed state and the sender sees its change bounce back.
 */
export interface BoardGuardOptions {
  /** The workshop's control state (phase, lock); undefined means: not loaded, treat as locked. */
  control: () => ControlState | undefined;
  maxCardsPerParticipant: number;
  /** Tell the writer why (part of) its change was undone. */
  onRefused: (principal: Principal, code: ErrorCode) => void;
  /**
   * A position write that had not seen the card's current position is undone once that
   * position has stood this long, in ms (see staleWrites.ts). Default 5000.
   */
  staleAfterMs?: number;
  /** Server clock, in ms (tests). */
  now?: () => number;
}

const DEFAULT_STALE_AFTER_MS = 5_000;

export function createBoardGuard(options: BoardGuardOptions): WriteGuard {
  const { control, maxCardsPerParticipant, onRefused } = options;
  /** Cards each participant added while this board was loaded (for the abuse limit). */
  const addedBy = new Map<string, Set<string>>();
  let clock: PositionClock | undefined;
  return {
    review(principal, doc, update) {
      const found = classifyUpdate(doc, update);
      if (found.malformed) return { action: 'reject', reason: 'malformed update' };
      if (principal.role === 'screen') return { action: 'drop', reason: 'read-only' };
      if (found.other) return { action: 'drop', reason: 'outside the board document' };

      const state = control();
      const phase = state ? currentPhase(state) : undefined;
      // Without a loaded control state we cannot know the phase: treat the board as locked.
      const locked = !state || state.locked;
      const refused = new Map<string, Set<CardChange>>();
      let reason: ErrorCode | undefined;
      const mine = principal.role === 'participant' ? (addedBy.get(principal.participantId) ?? new Set<string>()) : undefined;
      for (const [cardId, changes] of found.cards) {
        if (found.invalidCards.has(cardId)) {
          refused.set(cardId, new Set(['add', 'remove', 'move', 'target', 'edit']));
          reason ??= 'INVALID_PAYLOAD';
          continue;
        }
        // A finished workshop is read-only for everyone, the facilitator included.
        if (state?.finishedAt) {
          refused.set(cardId, new Set(['add', 'remove', 'move', 'target', 'edit']));
          reason ??= 'WORKSHOP_FINISHED';
          continue;
        }
        if (principal.role === 'facilitator') continue;
        // Setting the fields of a card being added is part of adding it.
        const needed = changes.has('add') ? (['add', ...(changes.has('remove') ? ['remove'] : [])] as CardChange[]) : [...changes];
        const denied = needed.filter((c) => {
          const permission = PERMISSION_FOR[c];
          return permission === null || !mayParticipant(phase, permission, locked);
        });
        if (denied.length) {
          refused.set(cardId, new Set(denied));
          reason ??= locked ? 'BOARD_LOCKED' : denied.includes('remove') ? 'NOT_ALLOWED' : 'PHASE_NOT_ALLOWED';
          continue;
        }
        if (mine && changes.has('add') && !cardsOf(doc).has(cardId)) {
          if (mine.size >= maxCardsPerParticipant) {
            refused.set(cardId, new Set(['add']));
            reason ??= 'LIMIT_REACHED';
          } else mine.add(cardId);
        }
      }
      if (mine && principal.role === 'participant') addedBy.set(principal.participantId, mine);

      // Newer work wins: a position write that missed a value the room has had for a while.
      if (clock?.doc !== doc) clock = new PositionClock(doc, options.now ?? Date.now);
      const stale: StaleWrite[] = [];
      for (const write of findStaleWrites(clock, found, options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)) {
        if (refused.has(write.cardId)) continue;
        stale.push(write);
        reason ??= 'MOVED_MEANWHILE';
      }
      for (const { cardId, change } of stale) {
        const changes = refused.get(cardId) ?? new Set<CardChange>();
        refused.set(cardId, changes.add(change));
      }
      if (refused.size === 0) return { action: 'apply' };
      onRefused(principal, reason ?? 'NOT_ALLOWED');

      // Remember how the refused cards look now, to put them back after applying.
      const before = new Map<string, Record<string, unknown> | null>();
      for (const cardId of refused.keys()) {
        const card = cardsOf(doc).get(cardId);
        before.set(cardId, card instanceof Y.Map ? (card.toJSON() as Record<string, unknown>) : null);
      }
      const standing = clock;
      return {
        action: 'apply',
        repair: (d) => {
          restoreCards(d, before, refused);
          // The value put back keeps its arrival time: the next stale writer is refused too.
          for (const write of stale) standing.keep(write.cardId, write.field, write.since);
        },
      };
    },
  };
}

function restoreCards(
  doc: Y.Doc,
  before: Map<string, Record<string, unknown> | null>,
  refused: Map<string, Set<CardChange>>,
): void {
  const cards = cardsOf(doc);
  for (const [cardId, old] of before) {
    const changes = refused.get(cardId)!;
    const now = cards.get(cardId);
    if (old === null) {
      // It did not exist: an add that was not allowed.
      if (now) cards.delete(cardId);
      continue;
    }
    if (!(now instanceof Y.Map) || changes.has('add') || changes.has('remove')) {
      // Removed or replaced: put the whole card back as it was.
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(old)) map.set(k, v);
      cards.set(cardId, map);
      continue;
    }
    for (const change of changes) {
      for (const field of FIELDS_OF[change]) {
        if (old[field] === undefined) {
          if (now.has(field)) now.delete(field);
        } else if (!sameValue(now.get(field), old[field])) {
          now.set(field, old[field]);
        }
      }
    }
  }
}

/** Card values are numbers, strings or [x, y] pairs: compare by content, so an unchanged field is not written again. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));
}
