import { useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { addCard, moveCard, setCardTarget, type CardKind, type CardView } from '../../../shared/board';
import type { Position, Template } from '../../../shared/template';
import type { BoardDoc } from '../realtime/useBoardDoc';
import { AddCardForm, type CardDetails } from './AddCardForm';
import { Board, type BoardMode } from './Board';
import { CardList } from './CardList';
import { loadMyCards, saveMyCards } from './myCards';
import { PhoneBoardContext } from './phoneBoardContext';
import type { PlaneSize } from './usePlaneSize';

interface Props {
  template: Template;
  board: BoardDoc;
  mode?: BoardMode;
  /** Show the form to add cards. */
  canAdd?: boolean;
  notice?: string | null;
  selectedExtra?: (card: CardView) => ReactNode;
  overlay?: (size: PlaneSize) => ReactNode;
  /** Show the list of all cards next to the form (default true). */
  showList?: boolean;
}

/** The editable board with the add-card form and the card list (facilitator and participant). */
export function Workspace({ template, board, mode = 'move', canAdd = true, notice, selectedExtra, overlay, showList = true }: Props) {
  const { doc } = board;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const boardArea = useRef<HTMLDivElement>(null);
  const phone = useContext(PhoneBoardContext);
  const [focusRequest, setFocusRequest] = useState<{ id: string; seq: number } | null>(null);
  const mineKey = phone?.myCardsKey;
  const [mine, setMine] = useState<Set<string>>(() => (mineKey ? loadMyCards(mineKey) : new Set()));
  /** A card chosen in the list: chosen on the board too, and brought into view there. */
  const onChoose = useCallback(
    (id: string) => {
      if (selectedId === id) return setSelectedId(null);
      setSelectedId(id);
      setFocusRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
    },
    [selectedId],
  );

  const onMove = useCallback((id: string, pos: Position) => void moveCard(doc, id, pos), [doc]);
  const onTarget = useCallback((id: string, pos: Position | null) => void setCardTarget(doc, id, pos), [doc]);
  const onAdd = useCallback(
    (kind: CardKind, title: string, details: CardDetails) => {
      // A new card is unplaced: it waits in the tray (never on top of another card).
      const id = addCard(doc, { kind, title, ...details });
      if (mineKey)
        setMine((prev) => {
          const next = new Set(prev).add(id);
          saveMyCards(mineKey, next);
          return next;
        });
      // It is chosen, so a tap on the board places it; on a phone the board is
      // above the form, so bring it into view (the focus stays in the form).
      setSelectedId(id);
      requestAnimationFrame(() => boardArea.current?.querySelector('.rb-board')?.scrollIntoView({ block: 'nearest' }));
      return id;
    },
    [doc, mineKey],
  );

  return (
    <div className="rb-workspace" ref={boardArea}>
      <Board
        template={template}
        cards={board.cards}
        loaded={board.loaded}
        mode={mode}
        zoomable={!!phone}
        focusRequest={focusRequest}
        notice={notice}
        onMove={onMove}
        onTarget={onTarget}
        selectedId={selectedId}
        onSelect={setSelectedId}
        selectedExtra={selectedExtra}
        overlay={overlay}
      />
      {(canAdd || showList) && (
        <div className="rb-workspace__tools">
          {canAdd && <AddCardForm onAdd={onAdd} />}
          {showList && <CardList cards={board.cards} template={template} selectedId={selectedId} onChoose={onChoose} mine={mine} />}
        </div>
      )}
    </div>
  );
}
