import type { Spotlight, SpotlightType } from '../../../../shared/control';
import { useI18n } from '../../i18n';
import type { Send } from '../../realtime/sendEvent';

interface Props {
  send: Send;
  current: Spotlight;
  type: SpotlightType;
  id: string;
  /** What it is, so the button's name is clear in a list of many. */
  text: string;
  onError: (code: string | null) => void;
}

/** "In de schijnwerper": put this item big on the shared screen (pressed again: off). */
export function SpotlightButton({ send, current, type, id, text, onError }: Props) {
  const { t } = useI18n();
  const on = current?.type === type && current.id === id;
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small"
      aria-pressed={on}
      aria-label={`${t('spotlight.set')}: ${text}`}
      onClick={async () => {
        const result = await send('spotlight:set', { spotlight: on ? null : { type, id } });
        onError(result.ok ? null : result.code);
      }}
    >
      <span aria-hidden="true">{on ? '★ ' : '☆ '}</span>
      {t('spotlight.set')}
    </button>
  );
}
