import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { BoardDoc, SyncState } from '../realtime/useBoardDoc';

const KEYS = { synced: 'sync.synced', pending: 'sync.pending', connecting: 'sync.connecting', offline: 'sync.offline' } as const;
/** A shape per state, so the state is never told by colour alone. */
const ICONS = { synced: '✓', pending: '↑', connecting: '…', offline: '!' } as const;
/**
 * A change the server confirms within this time never shows "saving": no flicker on every
 * card move, and no announcement of it. A slower save (a bad network) does show.
 */
const PENDING_SHOWN_AFTER_MS = 400;

/** The board's state and the actions still waiting for an answer, as one state in words. */
export function syncOf(
  board: Pick<BoardDoc, 'sync' | 'unsaved'> & { unsavedCards?: number },
  pendingActions = 0,
): { state: SyncState; unsaved: boolean; count: number } {
  const waiting = board.unsaved || pendingActions > 0;
  // Changed cards and waiting actions, each one change (at least one while something waits).
  const count = waiting ? Math.max(1, (board.unsavedCards ?? 0) + pendingActions) : 0;
  return { state: board.sync === 'synced' && pendingActions > 0 ? 'pending' : board.sync, unsaved: waiting, count };
}

function useShownAfter(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), ms);
    return () => window.clearTimeout(timer);
  }, [on, ms]);
  return on && shown;
}

/**
 * Saved, saving, connecting or offline: in words, with a shape, for everyone (role=status,
 * so a screen reader hears when it changes). Offline says whether changes still wait.
 */
export function SyncStatus({ state, unsaved = false, count = 0 }: { state: SyncState; unsaved?: boolean; count?: number }) {
  const { t } = useI18n();
  const slowSave = useShownAfter(state === 'pending', PENDING_SHOWN_AFTER_MS);
  const shown: SyncState = state === 'pending' && !slowSave ? 'synced' : state;
  const text =
    shown === 'offline' && unsaved
      ? count > 1
        ? t('sync.offlineCount', { count })
        : count === 1
          ? t('sync.offlineOne')
          : t('sync.offlineUnsaved')
      : t(KEYS[shown]);
  return (
    <p
      className={`rb-sync rb-sync--${shown}`}
      role="status"
      data-testid="sync-status"
      data-state={shown}
      data-unsaved={unsaved}
      data-count={count}
    >
      <span className="rb-sync__icon" aria-hidden="true">
        {ICONS[shown]}
      </span>
      <span>{text}</span>
    </p>
  );
}
