import { useI18n } from '../i18n';
import type { SyncState } from '../realtime/useBoardDoc';

const KEYS = { synced: 'sync.synced', connecting: 'sync.connecting', offline: 'sync.offline' } as const;
/** A shape per state, so the state is never told by colour alone. */
const ICONS = { synced: '✓', connecting: '…', offline: '!' } as const;

export function SyncStatus({ state }: { state: SyncState }) {
  const { t } = useI18n();
  return (
    <p className={`rb-sync rb-sync--${state}`} role="status" data-testid="sync-status" data-state={state}>
      <span className="rb-sync__icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      <span>{t(KEYS[state])}</span>
    </p>
  );
}
