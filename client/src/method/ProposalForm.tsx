import { useId, useState, type FormEvent } from 'react';
import type { CardView } from '../../../shared/board';
import { OWNER_MAX, PROPOSAL_KINDS, PROPOSAL_TEXT_MAX, type Barrier, type ProposalKind } from '../../../shared/method';
import { useI18n } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextArea } from '../components/TextArea';
import { TextField } from '../components/TextField';
import type { Send } from '../realtime/sendEvent';
import { KIND_KEYS } from './proposalText';
import { useAction } from './useAction';
import { QUEUED } from '../realtime/useWorkshopSocket';

interface Props {
  send: Send;
  /** Barriers to choose from, the most voted first when known. */
  barriers: Barrier[];
  cards: CardView[];
}

/** A proposal (voorstel) for a barrier or a card: accelerate or deepen, with an owner and a date. */
export function ProposalForm({ send, barriers, cards }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [barrierId, setBarrierId] = useState('');
  const [cardId, setCardId] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ProposalKind>('versnellen');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problems, setProblems] = useState<{ link?: boolean; text?: boolean }>({});
  const [done, setDone] = useState(false);
  const action = useAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const clean = text.trim();
    const next = { link: !barrierId && !cardId, text: !clean };
    setProblems(next);
    setDone(false);
    if (next.link || next.text) return;
    const sentOwner = owner;
    const sentDue = dueDate;
    const result = await action.run(() =>
      send('proposal:add', {
        barrierId: barrierId || null,
        cardId: barrierId ? null : cardId || null,
        text: clean,
        kind,
        owner: sentOwner.trim(),
        dueDate: sentDue,
      }),
    );
    // Kept on the phone while offline (sent on reconnect) counts as done for the form.
    if (result.ok || result.code === QUEUED) {
      // Only what was sent is cleared: text typed while waiting for the answer stays.
      setText((current) => (current.trim() === clean ? '' : current));
      setOwner((current) => (current === sentOwner ? '' : current));
      setDueDate((current) => (current === sentDue ? '' : current));
      setDone(true);
    }
  }

  return (
    <section className="rb-panel" aria-labelledby={`${id}-title`}>
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('proposal.addTitle')}
      </h2>
      <form onSubmit={submit} noValidate className="rb-form">
        <div className="rb-field">
          <label className="rb-field__label" htmlFor={`${id}-barrier`}>
            {t('proposal.barrier')}
          </label>
          {problems.link && (
            <p className="rb-field__error" id={`${id}-link-error`}>
              <span aria-hidden="true">! </span>
              {t('proposal.linkMissing')}
            </p>
          )}
          <select
            id={`${id}-barrier`}
            className="utrecht-select rb-input"
            value={barrierId}
            aria-invalid={problems.link ? true : undefined}
            aria-describedby={problems.link ? `${id}-link-error` : undefined}
            onChange={(e) => {
              setBarrierId(e.target.value);
              if (e.target.value) setCardId('');
              setProblems((p) => ({ ...p, link: false }));
            }}
          >
            <option value="">{t('proposal.chooseBarrier')}</option>
            {barriers.map((b) => (
              <option key={b.id} value={b.id}>
                {b.text}
              </option>
            ))}
          </select>
        </div>
        {cards.length > 0 && (
          <div className="rb-field">
            <label className="rb-field__label" htmlFor={`${id}-card`}>
              {t('proposal.card')}
            </label>
            <select
              id={`${id}-card`}
              className="utrecht-select rb-input"
              value={cardId}
              onChange={(e) => {
                setCardId(e.target.value);
                if (e.target.value) setBarrierId('');
                setProblems((p) => ({ ...p, link: false }));
              }}
            >
              <option value="">{t('proposal.chooseCard')}</option>
              {cards.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextArea
          label={t('proposal.field')}
          value={text}
          onValue={(v) => {
            setText(v);
            setProblems((p) => ({ ...p, text: false }));
          }}
          maxLength={PROPOSAL_TEXT_MAX}
          error={problems.text ? t('proposal.empty') : null}
        />
        <fieldset className="rb-choice">
          <legend className="rb-field__label">{t('proposal.kind')}</legend>
          {PROPOSAL_KINDS.map((k) => (
            <label key={k} className="rb-choice__option">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                <span className="rb-choice__label">{t(KIND_KEYS[k])}</span>
                <span className="rb-choice__hint">{t(k === 'versnellen' ? 'proposal.kindHint.versnellen' : 'proposal.kindHint.verdiepen')}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField label={t('proposal.owner')} hint={t('proposal.ownerHint')} value={owner} onValue={setOwner} maxLength={OWNER_MAX} />
        <TextField label={t('proposal.due')} type="date" value={dueDate} onValue={setDueDate} />
        <ErrorAlert code={action.error} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={action.busy}>
          {t('proposal.submit')}
        </button>
        <p className="rb-form-note" role="status">
          {done ? t('proposal.added') : ''}
        </p>
      </form>
    </section>
  );
}
