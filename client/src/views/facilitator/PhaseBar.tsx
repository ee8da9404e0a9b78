import { useEffect, useRef, useState } from 'react';
import type { ControlView } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { phaseInstruction, phaseTitle } from '../../method/phaseText';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';
import { PhaseEditor } from './PhaseEditor';

/** All steps in order, the current one marked; back, forward, jump; and the editor. */
export function PhaseBar({ control, send }: { control: ControlView; send: Send }) {
  const { t } = useI18n();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const { phases, currentPhaseId } = control;
  const current = phases.find((p) => p.id === currentPhaseId);
  const go = (phaseId: string) => void action.run(() => send('phase:go', { phaseId }));
  const list = useRef<HTMLOListElement>(null);

  // Where the steps scroll sideways (a phone), keep the current step in view, without moving the page.
  useEffect(() => {
    const ol = list.current;
    const li = ol?.querySelector<HTMLElement>('[aria-current="step"]')?.parentElement;
    if (!ol || !li || ol.scrollWidth <= ol.clientWidth) return;
    ol.scrollLeft = li.offsetLeft - ol.offsetLeft - 16;
  }, [currentPhaseId]);

  return (
    <section className="rb-panel rb-phasebar" aria-labelledby="rb-phasebar-title">
      <div className="rb-phasebar__head">
        <h2 className="rb-panel__title" id="rb-phasebar-title">
          {t('phases.title')}
        </h2>
      </div>
      <nav aria-label={t('phases.nav')}>
        <ol className="rb-phasebar__list" ref={list}>
          {phases.map((phase, i) => {
            const isCurrent = phase.id === currentPhaseId;
            return (
              <li
                key={phase.id}
                className={`rb-phasebar__item${isCurrent ? ' rb-phasebar__item--current' : ''}${phase.skipped ? ' rb-phasebar__item--skipped' : ''}`}
              >
                <button
                  type="button"
                  className="rb-phasebar__button"
                  aria-current={isCurrent ? 'step' : undefined}
                  onClick={() => go(phase.id)}
                >
                  <span className="rb-phasebar__number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {phaseTitle(phase, t)}
                </button>
                {isCurrent && <span className="rb-phasebar__now">{t('phases.now')}</span>}
                {phase.skipped && <span className="rb-phasebar__skipped">{t('phases.skipped')}</span>}
              </li>
            );
          })}
        </ol>
      </nav>
      <ErrorAlert code={action.error} />
      <p className="rb-phasebar__current">
        <strong data-testid="phase-title" data-phase={current?.id}>{phaseTitle(current, t)}</strong>
        {': '}
        <span>{phaseInstruction(current, t)}</span>
      </p>
      <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {t('phases.edit')}
      </button>
      {editing && <PhaseEditor phases={phases} send={send} onClose={() => setEditing(false)} />}
    </section>
  );
}
