import { useMemo, useState } from 'react';
import type { Phase } from '../../../../shared/phases';
import type { Template } from '../../../../shared/template';
import { useI18n } from '../../i18n';
import { Board, type BoardMode } from '../../board/Board';
import { Workspace } from '../../board/Workspace';
import { PhoneBoardContext } from '../../board/phoneBoardContext';
import type { BoardDoc } from '../../realtime/useBoardDoc';

interface Props {
  template: Template;
  board: BoardDoc;
  phase: Phase | undefined;
  locked: boolean;
  /** The workshop is closed: only looking. */
  finished?: boolean;
  /** Where this phone keeps the ids of the cards it added ("Mijn kaarten"). */
  myCardsKey: string;
}

/** Does this phase work on the board (add, move or set targets)? */
export function isBoardPhase(phase: Phase | undefined): boolean {
  const p = phase?.permissions ?? [];
  return p.includes('addCards') || p.includes('moveCards') || p.includes('setTargets');
}

/** The board on the phone, as the phase allows: move cards, set their targets, or only look. */
export function PhoneBoard({ template, board, phase, locked, finished, myCardsKey }: Props) {
  const { t } = useI18n();
  const perms = phase?.permissions ?? [];
  let mode: BoardMode = 'view';
  if (!locked && perms.includes('moveCards')) mode = 'move';
  else if (!locked && perms.includes('setTargets')) mode = 'target';
  const phoneBoard = useMemo(() => ({ myCardsKey }), [myCardsKey]);
  const notice = finished ? t('lasting.finished.boardNotice') : locked ? t('board.lockedNotice') : t('board.noMoveNotice');
  return (
    // A new mode starts with no card chosen, so a tap never does what the last phase did.
    <PhoneBoardContext.Provider value={phoneBoard}>
      <Workspace
        key={mode}
        template={template}
        board={board}
        mode={mode}
        canAdd={!locked && perms.includes('addCards')}
        notice={notice}
      />
    </PhoneBoardContext.Provider>
  );
}

/** In phases without board work the board stays one tap away, read-only. */
export function BoardPeek({ template, board }: { template: Template; board: BoardDoc }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="rb-panel rb-peek" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="rb-peek__summary">{t('board.peek', { count: board.cards.length })}</summary>
      {open && <Board template={template} cards={board.cards} loaded={board.loaded} readOnly />}
    </details>
  );
}
