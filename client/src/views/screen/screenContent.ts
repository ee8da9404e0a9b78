import type { ControlState } from '../../../../shared/control';
import type { Alarm, Barrier, Proposal } from '../../../../shared/method';
import type { Phase } from '../../../../shared/phases';
import type { RoundView, TallyView } from '../../../../shared/protocol';
import { TOP_FOCUS } from '../../../../shared/screenPages';
import type { TallyEntry } from '../../../../shared/voting';
import type { TrackedProposal } from '../../../../shared/knowledge';

/**
 * What the shared screen shows: one function for the screen (ScreenStage) and the
 * cockpit (which pages it). How many pages a list takes only the screen knows: it
 * measures them at its own size (PagedList) and reports them (`control.screen.pages`).
 */
export type ScreenStageKind = 'board' | 'round' | 'alarms' | 'open' | 'barriers' | 'results' | 'proposals' | 'closing';

export interface ScreenPlan {
  stage: ScreenStageKind;
  /** The list the screen pages: barriers, result rows or proposals; empty on the board. */
  barriers: Barrier[];
  /** Result rows ('results'), or the top results beside the proposals. */
  ranked: TallyEntry[];
  proposals: Proposal[];
  /** Every result row, for bar lengths and the total. */
  allRanked: TallyEntry[];
  /** Open proposals from earlier workshops ('open', in Welkom). */
  open: TrackedProposal[];
  /** Confirmed alarms ('alarms', the facilitator's choice in any phase). */
  alarms: Alarm[];
  /** Names the paged list, so a page count measured for another list is not used (see `screen:measured`). */
  listKey: string;
  /** The stage pages a list. */
  paged: boolean;
}

export interface ScreenInput {
  phase: Phase | undefined;
  control: Pick<ControlState, 'screen'>;
  barriers: Barrier[];
  proposals: Proposal[];
  alarms: Alarm[];
  tally: TallyView | null;
  round: RoundView | null;
  /**
   * Open proposals from earlier workshops, as the screen asked for them; null where they are
   * not known (the cockpit): then Welkom's list counts as paged, whatever its length.
   */
  openProposals?: TrackedProposal[] | null;
}

/** A list key with an unknown count (`…:?`) matches the same list with any count. */
export function sameList(reported: string, planned: string): boolean {
  return planned.endsWith(':?') ? reported.startsWith(planned.slice(0, -1)) : reported === planned;
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

export function screenPlan({ phase, control, barriers, proposals, alarms, tally, round, openProposals = null }: ScreenInput): ScreenPlan {
  const byId = new Map(barriers.map((b) => [b.id, b]));
  const allRanked = tally?.revealed ? (tally.ranked ?? []).filter((r) => byId.has(r.barrierId)) : [];
  const top = allRanked.slice(0, TOP_FOCUS);
  const focus = control.screen.focus;
  const key = (kind: string, count: number | '?') => `${kind}:${focus}:${count}`;
  const none = { barriers: [], ranked: [], proposals: [], allRanked, open: [], alarms: [], listKey: '', paged: false };

  if (round?.round?.status === 'revealed') return { stage: 'round', ...none };
  if (focus === 'alarms') {
    // The facilitator also has alarms still to decide; the screen only ever shows confirmed ones.
    const confirmed = alarms.filter((a) => a.status === 'confirmed');
    return { stage: 'alarms', ...none, alarms: confirmed, listKey: key('alarms', confirmed.length), paged: true };
  }
  // Open proposals from earlier workshops: the facilitator's choice (usually in Welkom, to look
  // back first). Never by themselves: in Welkom people already put cards on the board they watch.
  if (focus === 'open') {
    if (openProposals === null) return { stage: 'open', ...none, listKey: key('open', '?'), paged: true };
    return { stage: 'open', ...none, open: openProposals, listKey: key('open', openProposals.length), paged: true };
  }
  const stage = round?.round?.status === 'open' ? 'board' : stageOf(phase);
  if (stage === 'board') return { stage: 'board', ...none };

  if (stage === 'barriers') {
    if (tally?.revealed) {
      const rows = focus === 'top5' ? top : allRanked;
      return { stage: 'results', ...none, ranked: rows, listKey: key('results', rows.length), paged: true };
    }
    return { stage: 'barriers', ...none, barriers, listKey: key('barriers', barriers.length), paged: true };
  }
  // Proposals fill the stage (the result was shown while voting); in the closing phase the
  // board stands beside the outcome: the top results, and the proposals paged under them.
  return { stage, ...none, ranked: stage === 'closing' ? top : [], proposals, listKey: key(stage, proposals.length + (stage === 'closing' ? top.length : 0)), paged: true };
}
