import { useId } from 'react';
import type { CardView } from '../../../../shared/board';
import type { Spotlight } from '../../../../shared/control';
import type { Alarm, Barrier } from '../../../../shared/method';
import type { TallyView } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { BarrierForm } from '../../method/BarrierForm';
import type { Send } from '../../realtime/sendEvent';
import { BarrierRow } from './BarrierRow';

interface Props {
  barriers: Barrier[];
  alarms: Alarm[];
  tally: TallyView | null;
  cards: CardView[];
  spotlight: Spotlight;
  send: Send;
}

/** Every barrier with its live votes (the facilitator always sees them), in clusters, and the form. */
export function BarrierAdmin({ barriers, alarms, tally, cards, spotlight, send }: Props) {
  const { t } = useI18n();
  const headingsId = useId();
  const cardTitles = new Map(cards.map((c) => [c.id, c.title]));
  const votesOf = (id: string) => tally?.ranked?.find((r) => r.barrierId === id)?.votes ?? 0;
  const headings = [...new Set(barriers.map((b) => b.heading).filter(Boolean))];
  return (
    <section className="rb-panel rb-admin" aria-labelledby="rb-barrier-admin-title" id="drempels">
      <h2 className="rb-panel__title" id="rb-barrier-admin-title">
        {t('barrier.listTitle', { count: barriers.length })}
      </h2>
      <p className="rb-admin__summary">
        {tally?.voters === 1 ? t('barrier.votersOne') : t('barrier.voters', { count: tally?.voters ?? 0 })} · {tally?.total === 1 ? t('results.totalOne') : t('results.total', { count: tally?.total ?? 0 })}
        {' · '}
        {t(tally?.revealed ? 'controls.isRevealed' : 'controls.isHidden')}
      </p>
      <datalist id={headingsId}>
        {headings.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
      {barriers.length === 0 && <p>{t('barrier.none')}</p>}
      {/* One flat list (oldest first): a row keeps its place, and focus, when it gets a heading. */}
      <ul className="rb-items">
        {barriers.map((b) => (
              <BarrierRow
                key={b.id}
                barrier={b}
                others={barriers.filter((o) => o.id !== b.id)}
                votes={votesOf(b.id)}
                alarms={alarms}
                cardTitles={cardTitles}
                spotlight={spotlight}
                send={send}
                headingsListId={headingsId}
              />
        ))}
      </ul>
      <BarrierForm send={send} cards={cards} />
    </section>
  );
}
