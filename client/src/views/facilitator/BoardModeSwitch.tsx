import { useId } from 'react';
import type { BoardMode } from '../../board/Board';
import { useI18n } from '../../i18n';

/** The facilitator chooses what a tap or an arrow key changes: the card's place now, or its target. */
export function BoardModeSwitch({ mode, onMode }: { mode: BoardMode; onMode: (mode: BoardMode) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="rb-segmented">
      <legend className="rb-field__label">{t('boardMode.legend')}</legend>
      {(['move', 'target'] as const).map((m) => (
        <label key={m} className="rb-segmented__option">
          <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => onMode(m)} />
          <span>{t(m === 'move' ? 'boardMode.move' : 'boardMode.target')}</span>
        </label>
      ))}
    </fieldset>
  );
}
