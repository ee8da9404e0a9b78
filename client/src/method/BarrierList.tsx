import type { Alarm, Barrier } from '../../../shared/method';
import { useI18n } from '../i18n';
import type { Send } from '../realtime/sendEvent';
import { AlarmBadges, alarmsFor } from './AlarmBadge';
import { AlarmButton } from './AlarmButton';
import { groupBarriers, linkedTitles } from './barrierGroups';

interface Props {
  barriers: Barrier[];
  alarms: Alarm[];
  cardTitles: ReadonlyMap<string, string>;
  /** Given: every barrier gets an "Alarm slaan" button. */
  send?: Send;
  large?: boolean;
  title?: string;
  /** When `barriers` is one page of them (the shared screen): how many there are in all, for the title. */
  total?: number;
}

/** The barriers collected so far, under their headings, with confirmed alarms. */
export function BarrierList({ barriers, alarms, cardTitles, send, large, title, total }: Props) {
  const { t } = useI18n();
  return (
    <section className={`rb-panel rb-barriers${large ? ' rb-barriers--large' : ''}`} aria-labelledby="rb-barriers-title">
      <h2 className="rb-panel__title" id="rb-barriers-title">
        {title ?? t('barrier.listTitle', { count: total ?? barriers.length })}
      </h2>
      {barriers.length === 0 && <p>{t('barrier.none')}</p>}
      {groupBarriers(barriers).map((group) => (
        <div key={group.heading || '-'} className="rb-group">
          {group.heading && <h3 className="rb-group__heading">{group.heading}</h3>}
          <ul className="rb-items">
            {group.barriers.map((b) => {
              const cards = linkedTitles(b.cardIds, cardTitles);
              return (
                <li key={b.id} className="rb-item">
                  <p className="rb-item__text">{b.text}</p>
                  {cards.length > 0 && <p className="rb-item__meta">{t('barrier.linked', { cards: cards.join(', ') })}</p>}
                  {b.authorName && <p className="rb-item__meta">{t('item.author', { name: b.authorName })}</p>}
                  <AlarmBadges alarms={alarmsFor(alarms, 'barrier', b.id)} large={large} />
                  {send && <AlarmButton send={send} targetType="barrier" targetId={b.id} targetText={b.text} />}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
