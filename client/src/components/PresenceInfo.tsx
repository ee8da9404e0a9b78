import type { Presence } from '../../../shared/protocol';
import { useI18n } from '../i18n';
import { PeopleIcon } from './PeopleIcon';

export function presenceKey(count: number) {
  return count === 0 ? 'presence.none' : count === 1 ? 'presence.one' : 'presence.many';
}

/** Number of participants, and (for the facilitator) their names. */
export function PresenceInfo({ presence, showNames }: { presence: Presence | null; showNames?: boolean }) {
  const { t } = useI18n();
  const count = presence?.count ?? 0;
  const names = presence?.participants ?? [];
  return (
    <div className="rb-presence">
      <p className="rb-presence__count" data-testid="presence-count">
        <PeopleIcon />
        {t(presenceKey(count), { count })}
      </p>
      {showNames && names.length > 0 && (
        <ul className="rb-presence__names">
          {names.map((p) => (
            <li key={p.participantId} className={p.name ? undefined : 'rb-presence__anon'}>
              {p.name || t('presence.anonymous')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
