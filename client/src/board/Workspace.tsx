import { useCallback, useRef, useState } from 'react';
import { addCard, moveCard, type CardKind } from '../../../shared/board';
import type { Position, Template } from '../../../shared/template';
import type { BoardDoc } from '../realtime/useBoardDoc';
import { AddCardForm } from './AddCardForm';
import { Board } from './Board';
import { CardList } from './CardList';

/** Where a new card starts: the middle of the board, where nobody has placed it yet. */
const NEW_CARD_POSITION: Position = { x: 0.5, y: 0.5 };

/** The editable board with the add-card form and the card list (facilitator and participant). */
export function Workspace({ template, board }: { template: Template; board: BoardDoc }) {
  const { doc } = board;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const boardArea = useRef<HTMLDivElement>(null);

  const onMove = useCallback((id: string, pos: Position) => void moveCard(doc, id, pos), [doc]);
  const onAdd = useCallback(
    (kind: CardKind, title: string) => {
      const id = addCard(doc, { kind, title, ...NEW_CARD_POSITION });
      // The new card is chosen, so a tap on the board places it; on a phone the board is
      // above the form, so bring it into view (the focus stays in the form).
      setSelectedId(id);
      requestAnimationFrame(() => boardArea.current?.querySelector('.rb-board')?.scrollIntoView({ block: 'nearest' }));
      return id;
    },
    [doc],
  );

  return (
    <div className="rb-workspace" ref={boardArea}>
      <Board
        template={template}
        cards={board.cards}
        loaded={board.loaded}
        onMove={onMove}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
      <div className="rb-workspace__tools">
        <AddCardForm onAdd={onAdd} />
        <CardList cards={board.cards} template={template} />
      </div>
    </div>
  );
}
