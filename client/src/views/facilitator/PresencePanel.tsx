import type { Presence } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PeopleIcon } from '../../components/PeopleIcon';
import { presenceKey } from '../../components/PresenceInfo';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

/** Who is here, and a way to remove someone (after a question). */
export function PresencePanel({ presence, send }: { presence: Presence | null; send: Send }) {
  const { t } = useI18n();
  const action = useAction();
  const count = presence?.count ?? 0;
  const people = presence?.participants ?? [];
  const anonymous = people.filter((p) => !p.name).length;
  let anonIndex = 0;
  return (
    <section className="rb-panel" aria-labelledby="rb-presence-title">
      <h2 className="rb-panel__title" id="rb-presence-title">
        {t('facilitator.participantsTitle')}
      </h2>
      <p className="rb-presence__count" data-testid="presence-count">
        <PeopleIcon />
        {t(presenceKey(count), { count })}
      </p>
      {people.length > 0 && (
        <ul className="rb-people">
          {people.map((p) => {
            // Several anonymous people: number them, so each remove button has its own name.
            const shown = p.name || t('presence.anonymous');
            const named = p.name || (anonymous > 1 ? `${t('presence.anonymous')} ${++anonIndex}` : t('presence.anonymous'));
            return (
              <li key={p.participantId} className="rb-people__item">
                <span className={p.name ? undefined : 'rb-presence__anon'}>{shown}</span>
                <ConfirmButton
                  label={t('presence.remove')}
                  ariaLabel={t('presence.removeName', { name: named })}
                  question={t('presence.removeQuestion', { name: named })}
                  confirmLabel={t('presence.removeConfirm')}
                  onConfirm={() => void action.run(() => send('participant:remove', { participantId: p.participantId }))}
                />
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert code={action.error} />
    </section>
  );
}
