import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CardView } from '../../../shared/board';
import type { RoundView } from '../../../shared/protocol';
import type { Position, Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import { Board } from '../board/Board';
import { keyTarget } from '../board/boardKeys';
import { KindIcon } from '../board/CardChip';
import { roundPosition } from '../board/geometry';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Send } from '../realtime/sendEvent';

interface Props {
  round: RoundView;
  cards: CardView[];
  template: Template;
  send: Send;
  /** The board is locked: placing is paused. */
  locked: boolean;
}

/** Placements go out at most this often while a card is dragged or moved by keys. */
const SEND_EVERY_MS = 300;

/**
 * A placement round on the phone: a private board with the round's cards.
 * Choose a card, then tap the board where it belongs (or use the arrow keys).
 * Nobody else's dots are shown until the facilitator reveals the round.
 */
export function RoundPlacement({ round, cards, template, send, locked }: Props) {
  const { t } = useI18n();
  const info = round.round!;
  const [local, setLocal] = useState<Record<string, Position>>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(new Map<string, Position>());
  const timer = useRef<number | undefined>(undefined);
  const boardArea = useRef<HTMLDivElement>(null);

  const placed: Record<string, Position> = { ...(round.mine ?? {}), ...local };
  const roundCards = info.cardIds.map((id) => cards.find((c) => c.id === id)).filter((c): c is CardView => Boolean(c));
  const onBoard: CardView[] = roundCards
    .filter((c) => placed[c.id])
    .map((c) => ({ ...c, x: placed[c.id]!.x, y: placed[c.id]!.y, target: null }));

  const flush = () => {
    timer.current = undefined;
    const batch = [...pending.current];
    pending.current.clear();
    for (const [cardId, pos] of batch) {
      void send('placement:set', { roundId: info.id, cardId, x: pos.x, y: pos.y }).then((r) => setError(r.ok ? null : r.code));
    }
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const place = (cardId: string, pos: Position) => {
    if (locked) return;
    const p = roundPosition(pos);
    setLocal((prev) => ({ ...prev, [cardId]: p }));
    pending.current.set(cardId, p);
    if (timer.current === undefined) timer.current = window.setTimeout(flush, SEND_EVERY_MS);
  };

  const onTrayKey = (card: CardView, e: KeyboardEvent<HTMLButtonElement>) => {
    const pos = keyTarget(e, placed[card.id] ?? { x: 0.5, y: 0.5 });
    if (!pos) return;
    e.preventDefault();
    setSelectedId(card.id);
    place(card.id, pos);
  };

  const chosen = roundCards.find((c) => c.id === selectedId);
  const question = t(info.mode === 'target' ? 'round.modeTarget' : 'round.modeNow');
  return (
    <section className="rb-panel rb-round" aria-labelledby="rb-round-title">
      <h2 className="rb-panel__title" id="rb-round-title">
        {t('round.title')}: {question}
      </h2>
      <p>{t('round.instruction')}</p>
      <p className="rb-field__hint">{t('round.private')}</p>
      <ul className="rb-round__tray" aria-label={t('round.cards')}>
        {roundCards.map((card) => {
          const done = Boolean(placed[card.id]);
          return (
            <li key={card.id} className="rb-round__item">
              <button
                type="button"
                className="rb-round__card"
                aria-pressed={selectedId === card.id}
                aria-describedby={`rb-round-state-${card.id}`}
                disabled={locked}
                onClick={() => {
                  const choose = selectedId !== card.id;
                  setSelectedId(choose ? card.id : null);
                  // On a phone the board is below the cards: bring it into view for the tap.
                  if (choose) requestAnimationFrame(() => boardArea.current?.scrollIntoView({ block: 'nearest' }));
                }}
                onKeyDown={(e) => onTrayKey(card, e)}
              >
                <KindIcon kind={card.kind} />
                <span className="rb-round__card-title">{card.title}</span>
              </button>
              <span id={`rb-round-state-${card.id}`} className={`rb-round__state${done ? ' rb-round__state--done' : ''}`}>
                <span aria-hidden="true">{done ? '✓ ' : '○ '}</span>
                {done ? t('round.placed') : t('round.notPlaced')}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="rb-form-note" role="status">
        {chosen ? t('round.tapNow', { title: chosen.title }) : ''}
      </p>
      <div ref={boardArea}>
        <Board
          template={template}
          help={locked ? t('board.lockedNotice') : null}
          cards={onBoard}
          loaded
          mode={locked ? 'view' : 'move'}
          notice={locked ? t('board.lockedNotice') : null}
          onMove={place}
          selectedId={selectedId}
          onSelect={setSelectedId}
          trajectories={false}
          testId="round-board"
          label={t('round.board')}
        />
      </div>
      <ErrorAlert code={error} />
    </section>
  );
}
