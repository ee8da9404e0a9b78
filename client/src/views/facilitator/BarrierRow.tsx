import { useEffect, useId, useState } from 'react';
import type { Spotlight } from '../../../../shared/control';
import { HEADING_MAX, type Alarm, type Barrier } from '../../../../shared/method';
import { useI18n } from '../../i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AlarmBadges, alarmsFor } from '../../method/AlarmBadge';
import { AlarmButton } from '../../method/AlarmButton';
import { linkedTitles } from '../../method/barrierGroups';
import type { Send } from '../../realtime/sendEvent';
import { SpotlightButton } from './SpotlightButton';

interface Props {
  barrier: Barrier;
  others: Barrier[];
  votes: number;
  alarms: Alarm[];
  cardTitles: ReadonlyMap<string, string>;
  spotlight: Spotlight;
  send: Send;
  headingsListId: string;
}

/** One barrier for the facilitator: its votes, and merge, heading, spotlight, alarm and remove. */
export function BarrierRow({ barrier: b, others, votes, alarms, cardTitles, spotlight, send, headingsListId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [target, setTarget] = useState('');
  const [heading, setHeading] = useState(b.heading);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  // A heading given elsewhere (another row, another tab) shows up here too.
  useEffect(() => setHeading(b.heading), [b.heading]);
  const linked = linkedTitles(b.cardIds, cardTitles);
  const report = (result: { ok: boolean; code?: string }, done: string) => {
    setError(result.ok ? null : (result.code ?? 'INTERNAL'));
    setNote(result.ok ? done : '');
  };

  return (
    <li className="rb-item rb-admin-row" data-barrier-id={b.id}>
      {b.heading && <p className="rb-item__heading">{b.heading}</p>}
      <div className="rb-admin-row__head">
        <p className="rb-item__text">{b.text}</p>
        <p className="rb-admin-row__votes">
          <strong>{votes}</strong> {t(votes === 1 ? 'results.vote' : 'results.votes')}
        </p>
      </div>
      {linked.length > 0 && <p className="rb-item__meta">{t('barrier.linked', { cards: linked.join(', ') })}</p>}
      {b.authorName && <p className="rb-item__meta">{t('item.author', { name: b.authorName })}</p>}
      {b.variants.length > 0 && (
        <div className="rb-item__meta rb-variants" data-testid="barrier-variants">
          <p className="rb-variants__label">{t('cockpit.variants', { count: b.variants.length })}</p>
          <ul className="rb-variants__list">
            {b.variants.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        </div>
      )}
      <AlarmBadges alarms={alarmsFor(alarms, 'barrier', b.id)} />
      <div className="rb-actions">
        <SpotlightButton send={send} current={spotlight} type="barrier" id={b.id} text={b.text} onError={setError} />
        <ConfirmButton
          label={t('item.remove')}
          question={t('barrier.removeQuestion')}
          confirmLabel={t('confirm.remove')}
          onConfirm={async () => report(await send('item:remove', { type: 'barrier', id: b.id }), '')}
        />
      </div>
      <div className="rb-admin-row__tools">
        <form
          className="rb-inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            report(await send('barrier:group', { barrierIds: [b.id], heading: heading.trim() }), t('barrier.headingSaved'));
          }}
        >
          <label className="rb-field__label" htmlFor={`${id}-heading`}>
            {t('barrier.heading')}
          </label>
          <input
            id={`${id}-heading`}
            className="utrecht-textbox utrecht-textbox--html-input rb-input"
            value={heading}
            maxLength={HEADING_MAX}
            list={headingsListId}
            onChange={(e) => setHeading(e.target.value)}
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small">
            {t('barrier.headingSave')}
          </button>
        </form>
        {others.length > 0 && (
          <form
            className="rb-inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (target) report(await send('barrier:merge', { sourceId: b.id, targetId: target }), '');
            }}
          >
            <label className="rb-field__label" htmlFor={`${id}-merge`}>
              {t('barrier.mergeWith')}
            </label>
            <select id={`${id}-merge`} className="utrecht-select rb-input" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('barrier.mergeChoose')}</option>
              {/* The text is in the label attribute, not the content: a row's text stays its own
                  barrier's text (finding a row by its text does not hit every other row). */}
              {others.map((o) => (
                <option key={o.id} value={o.id} label={o.text} />
              ))}
            </select>
            <button type="submit" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" disabled={!target}>
              {t('barrier.merge')}
            </button>
          </form>
        )}
      </div>
      <AlarmButton send={send} targetType="barrier" targetId={b.id} targetText={b.text} />
      <ErrorAlert code={error} />
      <p className="rb-form-note" role="status">
        {note}
      </p>
    </li>
  );
}
