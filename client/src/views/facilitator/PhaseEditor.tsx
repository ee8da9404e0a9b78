import { useId, useState, type FormEvent } from 'react';
import { PERMISSIONS, PHASE_INSTRUCTION_MAX, PHASE_TITLE_MAX, type Permission, type Phase } from '../../../../shared/phases';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PERMISSION_KEYS, defaultPhaseInstruction, defaultPhaseTitle, phaseTitle } from '../../method/phaseText';
import { useAction } from '../../method/useAction';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  phases: Phase[];
  send: Send;
  onClose: () => void;
}

/** "Stappen aanpassen": rename, explain, reorder, skip, and what participants may do per step. */
export function PhaseEditor({ phases, send, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Phase[]>(() => phases.map((p) => ({ ...p, permissions: [...p.permissions] })));
  const action = useAction();

  const update = (i: number, patch: Partial<Phase>) => setDraft((d) => d.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const move = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const j = i + by;
      if (j < 0 || j >= d.length) return d;
      const copy = [...d];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    });
  const togglePermission = (i: number, perm: Permission, on: boolean) => {
    const p = draft[i]!;
    const next = on ? [...p.permissions, perm] : p.permissions.filter((x) => x !== perm);
    update(i, { permissions: PERMISSIONS.filter((x) => next.includes(x)) });
  };

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const phasesOut = draft.map((p) => ({ ...p, title: p.title.trim(), instruction: p.instruction.trim() }));
    const result = await action.run(() => send('phases:set', { phases: phasesOut }));
    if (result.ok) onClose();
  }

  return (
    <form className="rb-phase-editor" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('phases.editTitle')}</h3>
      <p className="rb-field__hint">{t('phases.editHint')}</p>
      <ol className="rb-phase-editor__list">
        {draft.map((phase, i) => {
          const name = phaseTitle(phase, t);
          return (
            <li key={phase.id} className="rb-phase-editor__item">
              <fieldset className="rb-phase-editor__fieldset">
                <legend className="rb-phase-editor__legend">
                  {i + 1}. {name}
                </legend>
                <div className="rb-field">
                  <label className="rb-field__label" htmlFor={`${id}-${phase.id}-title`}>
                    {t('phases.fieldTitle')}
                  </label>
                  <input
                    id={`${id}-${phase.id}-title`}
                    className="utrecht-textbox utrecht-textbox--html-input rb-input"
                    value={phase.title}
                    maxLength={PHASE_TITLE_MAX}
                    placeholder={defaultPhaseTitle(phase.kind, t)}
                    onChange={(e) => update(i, { title: e.target.value })}
                  />
                </div>
                <div className="rb-field">
                  <label className="rb-field__label" htmlFor={`${id}-${phase.id}-instruction`}>
                    {t('phases.fieldInstruction')}
                  </label>
                  <textarea
                    id={`${id}-${phase.id}-instruction`}
                    className="utrecht-textarea rb-input rb-textarea"
                    rows={2}
                    value={phase.instruction}
                    maxLength={PHASE_INSTRUCTION_MAX}
                    placeholder={defaultPhaseInstruction(phase.kind, t)}
                    onChange={(e) => update(i, { instruction: e.target.value })}
                  />
                </div>
                <label className="rb-check">
                  <input type="checkbox" checked={phase.skipped} onChange={(e) => update(i, { skipped: e.target.checked })} />
                  {t('phases.skip')}
                </label>
                <fieldset className="rb-phase-editor__perms">
                  <legend className="rb-field__label">{t('phases.permissions')}</legend>
                  {PERMISSIONS.map((perm) => (
                    <label key={perm} className="rb-check">
                      <input
                        type="checkbox"
                        checked={phase.permissions.includes(perm)}
                        onChange={(e) => togglePermission(i, perm, e.target.checked)}
                      />
                      {t(PERMISSION_KEYS[perm])}
                    </label>
                  ))}
                </fieldset>
                <div className="rb-actions">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                    aria-label={`${t('phases.up')}: ${name}`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <span aria-hidden="true">↑ </span>
                    {t('phases.up')}
                  </button>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
                    aria-label={`${t('phases.down')}: ${name}`}
                    disabled={i === draft.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t('phases.down')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <ErrorAlert code={action.error} />
      <div className="rb-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action rb-button" disabled={action.busy}>
          {t('phases.save')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button" onClick={onClose}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
