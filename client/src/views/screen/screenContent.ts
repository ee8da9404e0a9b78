import type { ControlState } from '../../../../shared/control';
import type { Barrier, Proposal } from '../../../../shared/method';
import type { Phase } from '../../../../shared/phases';
import type { RoundView, TallyView } from '../../../../shared/protocol';
import { paginate, shownPage, TOP_FOCUS, type ScreenItem, type ScreenSlot, SCREEN_LIST_HEIGHT_PX, itemHeight } from '../../../../shared/screenPages';
import type { TallyEntry } from '../../../../shared/voting';

/**
 * What the shared screen shows, and in how many pages: one function for the
 * screen (ScreenStage) and the cockpit (which pages it and says "pagina 2 van 3").
 */
export type ScreenStageKind = 'board' | 'round' | 'barriers' | 'results' | 'proposals' | 'closing';

export interface ScreenPlan {
  stage: ScreenStageKind;
  /** 0-based page shown. */
  page: number;
  pageCount: number;
  /** The page's barriers ('barriers'). */
  barriers: Barrier[];
  /** The page's result rows ('results'), or the top results beside proposals. */
  ranked: TallyEntry[];
  /** The page's proposals ('proposals', 'closing'). */
  proposals: Proposal[];
  /** Every result row, for bar lengths and the total. */
  allRanked: TallyEntry[];
}

export interface ScreenInput {
  phase: Phase | undefined;
  control: Pick<ControlState, 'screen'>;
  barriers: Barrier[];
  proposals: Proposal[];
  tally: TallyView | null;
  round: RoundView | null;
}

const barrierItem = (b: Barrier): ScreenItem => ({ text: b.text, metaLines: (b.heading ? 1 : 0) + (b.cardIds.length > 0 ? 1 : 0) });
const proposalItem = (p: Proposal): ScreenItem => ({ text: p.text, metaLines: 2 + (p.barrierId || p.cardId ? 1 : 0) });

function resultItem(barriers: ReadonlyMap<string, Barrier>) {
  // Rank and votes stand beside the text; the bar is a line of its own.
  return (r: TallyEntry): ScreenItem => ({ text: barriers.get(r.barrierId)?.text ?? '', metaLines: 1, widthShare: 0.65 });
}

/** Which list belongs to a phase: the board, the barriers (or their result), or the proposals. */
function stageOf(phase: Phase | undefined): 'board' | 'barriers' | 'proposals' | 'closing' {
  if (!phase) return 'board';
  if (phase.kind === 'afronden') return 'closing';
  const p = phase.permissions;
  if (p.includes('addProposals') || phase.kind === 'voorstellen') return 'proposals';
  if (p.includes('addBarriers') || p.includes('vote') || phase.kind === 'drempels' || phase.kind === 'stemmen') return 'barriers';
  return 'board';
}

export function screenPlan({ phase, control, barriers, proposals, tally, round }: ScreenInput): ScreenPlan {
  const byId = new Map(barriers.map((b) => [b.id, b]));
  const allRanked = tally?.revealed ? (tally.ranked ?? []).filter((r) => byId.has(r.barrierId)) : [];
  const revealed = !!tally?.revealed;
  const top = allRanked.slice(0, TOP_FOCUS);
  const empty = { barriers: [], ranked: [], proposals: [], allRanked };
  const paged = <T>(stage: ScreenStageKind, items: readonly T[], measure: (t: T) => ScreenItem, slot: ScreenSlot, height?: number) => {
    const pages = paginate(items, measure, slot, height);
    const page = shownPage(control.screen.page, pages.length);
    return { stage, page, pageCount: pages.length, items: pages[page] ?? [] };
  };

  if (round?.round?.status === 'revealed') return { stage: 'round', page: 0, pageCount: 1, ...empty };
  const stage = round?.round?.status === 'open' ? 'board' : stageOf(phase);
  if (stage === 'board') return { stage: 'board', page: 0, pageCount: 1, ...empty };

  if (stage === 'barriers') {
    if (revealed) {
      const rows = control.screen.focus === 'top5' ? top : allRanked;
      const p = paged('results', rows, resultItem(byId), 'wide');
      return { stage: p.stage, page: p.page, pageCount: p.pageCount, ...empty, ranked: p.items };
    }
    const p = paged('barriers', barriers, barrierItem, 'wide');
    return { stage: p.stage, page: p.page, pageCount: p.pageCount, ...empty, barriers: p.items };
  }

  // Proposals fill the stage (the result was shown while voting); in the closing phase
  // the board stands beside the outcome: the top results, and the proposals paged under them.
  const closing = stage === 'closing';
  const slot: ScreenSlot = closing ? 'half' : 'wide';
  const resultsHeight = closing ? top.reduce((h, r) => h + itemHeight(resultItem(byId)(r), 'half'), 60) : 0;
  const height = Math.max(200, SCREEN_LIST_HEIGHT_PX - resultsHeight);
  const p = paged(stage, proposals, proposalItem, slot, height);
  return { stage: p.stage, page: p.page, pageCount: p.pageCount, ...empty, ranked: closing ? top : [], proposals: p.items };
}
