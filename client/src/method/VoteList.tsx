import { useState } from 'react';
import type { Alarm, Barrier } from '../../../shared/method';
import type { MyVotesView } from '../../../shared/protocol';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Send, SendResult } from '../realtime/sendEvent';
import { votesLeft } from '../realtime/workshopData';
import { AlarmBadges, alarmsFor } from './AlarmBadge';
import { AlarmButton } from './AlarmButton';
import { linkedTitles } from './barrierGroups';
import { VoteDots } from './VoteDots';

interface Props {
  barriers: Barrier[];
  alarms: Alarm[];
  cardTitles: ReadonlyMap<string, string>;
  myVotes: MyVotesView | null;
  cap: number;
  /** False while the board is locked: the buttons are off and the banner says why. */
  enabled: boolean;
  /** Voting closed (results revealed, or closed by the facilitator): said here, buttons off. */
  closed: boolean;
  vote: (action: 'cast' | 'retract', barrierId: string) => Promise<SendResult<'vote:cast'>>;
  send: Send;
}

/** Dot voting on the phone: per barrier "Stem op" and "Stem weghalen", and the votes left. */
export function VoteList({ barriers, alarms, cardTitles, myVotes, cap, enabled: open, closed, vote, send }: Props) {
  const enabled = open && !closed;
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<{ barrierId: string; code: string } | null>(null);
  const left = votesLeft(myVotes);
  const budget = myVotes?.budget ?? 0;

  async function act(action: 'cast' | 'retract', barrierId: string) {
    setRefusal(null);
    const result = await vote(action, barrierId);
    if (!result.ok) setRefusal({ barrierId, code: result.code });
  }

  return (
    <section className="rb-panel rb-votes" aria-labelledby="rb-votes-title">
      <h2 className="rb-panel__title" id="rb-votes-title">
        {t('vote.title')}
      </h2>
      <p className="rb-votes__left" data-testid="votes-left" role="status">
        <span className="rb-votes__count">{t(left === 0 ? 'vote.leftNone' : left === 1 ? 'vote.leftOne' : 'vote.left', { count: left })}</span>{' '}
        <span className="rb-votes__rule">{t('vote.rule', { budget, cap })}</span>
      </p>
      {closed && (
        <p className="rb-votes__closed" data-testid="voting-closed" role="status">
          {t('vote.closed')}
        </p>
      )}
      {barriers.length === 0 && <p>{t('barrier.none')}</p>}
      <ul className="rb-items">
        {barriers.map((b) => {
          const mine = myVotes?.perBarrier[b.id] ?? 0;
          const cards = linkedTitles(b.cardIds, cardTitles);
          return (
            <li key={b.id} className="rb-item rb-vote">
              {b.heading && <p className="rb-item__heading">{b.heading}</p>}
              <p className="rb-item__text">{b.text}</p>
              {cards.length > 0 && <p className="rb-item__meta">{t('barrier.linked', { cards: cards.join(', ') })}</p>}
              <AlarmBadges alarms={alarmsFor(alarms, 'barrier', b.id)} />
              <VoteDots count={mine} cap={cap} />
              <div className="rb-vote__buttons">
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action rb-button rb-vote__add"
                  aria-label={t('vote.castName', { text: b.text })}
                  disabled={!enabled}
                  onClick={() => void act('cast', b.id)}
                >
                  <span>
                    <span aria-hidden="true">+ </span>
                    {t('vote.cast')}
                  </span>
                </button>
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action rb-button rb-vote__remove"
                  aria-label={t('vote.retractName', { text: b.text })}
                  disabled={!enabled || mine === 0}
                  onClick={() => void act('retract', b.id)}
                >
                  <span>
                    <span aria-hidden="true">− </span>
                    {t('vote.retract')}
                  </span>
                </button>
              </div>
              {refusal?.barrierId === b.id && <ErrorAlert code={refusal.code} />}
              <AlarmButton send={send} targetType="barrier" targetId={b.id} targetText={b.text} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
