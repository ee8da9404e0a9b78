import { defaultPhases, type Phase } from './phases';
import { DEFAULT_VOTE_SETTINGS, type VoteSettings } from './voting';

/**
 * The facilitator's controls for one workshop: phase, lock, reveal, spotlight,
 * timer and settings. Held by the server (SQLite), sent to every client with
 * socket.io `control`. The server checks every action against it.
 * The schemas (`controlStateSchema` and its parts) are in shared/schemas/control.ts.
 */
export const SPOTLIGHT_TYPES = ['card', 'barrier', 'proposal'] as const;
export type SpotlightType = (typeof SPOTLIGHT_TYPES)[number];

/** What the shared screen shows large; null for nothing. The id is a card, barrier or proposal id. */
export type Spotlight = { type: SpotlightType; id: string } | null;

export const TIMER_MAX_MS = 4 * 60 * 60 * 1000;

export const TIMER_STATUSES = ['idle', 'running', 'paused'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

export interface TimerState {
  status: TimerStatus;
  /** When running: the moment (server clock, ms since epoch) it reaches zero. */
  endsAt: number | null;
  /** When idle or paused: the time left, in ms (0 to TIMER_MAX_MS). */
  remainingMs: number;
}

export const IDLE_TIMER: TimerState = { status: 'idle', endsAt: null, remainingMs: 0 };

/**
 * What the shared screen's lists show: every item, only the five highest results, or
 * (in any phase) the confirmed alarms, to talk them through with the room.
 */
export const SCREEN_FOCUSES = ['all', 'top5', 'alarms', 'open'] as const;
export type ScreenFocus = (typeof SCREEN_FOCUSES)[number];
/** Highest page number the facilitator can ask for; the screen shows page min(page, pages - 1). */
export const SCREEN_PAGE_MAX = 999;

/** Longest list key a screen reports (`screen:measured`). */
export const SCREEN_LIST_KEY_MAX = 80;

/**
 * Where the shared screen is in its lists, held by the server so the screen follows the
 * cockpit. The page shown is `shownPage` (shared/screenPages.ts): the chosen page, and with
 * automatic paging one page further every 12 s, counted from `turnedAt`.
 */
export interface ScreenControl {
  /** 0-based page the facilitator chose; back to 0 when the phase changes. */
  page: number;
  focus: ScreenFocus;
  /** "Automatisch bladeren": the screen turns the page by itself. */
  auto: boolean;
  /** Server clock (ms) automatic paging counts from; later than now while a hand-chosen page holds. */
  turnedAt: number;
  /** Pages of the list the screens show: the most any screen measured at its own size. */
  pages: number;
  /** Which list `pages` is for (stage, focus and item count), so a new list is measured afresh. */
  list: string;
  /** Each screen's own latest count of `list` (at most SCREENS_COUNTED), by a random id per screen. */
  measuredBy: { screen: string; pages: number }[];
}

/** Screens whose page counts are kept per list; an older one drops out. */
export const SCREENS_COUNTED = 4;
export const SCREEN_ID_MAX = 32;

export const DEFAULT_SCREEN: ScreenControl = { page: 0, focus: 'all', auto: false, turnedAt: 0, pages: 1, list: '', measuredBy: [] };

/**
 * Which trajectories (Koers arrows) the boards show: all of them, only the largest
 * shifts, or one card's. Held by the server so the shared screen shows what the
 * facilitator chose; the phones and the exports always show all (see docs/board-document.md).
 */
export const TRAJECTORY_SHOWS = ['all', 'largest', 'card'] as const;
export type TrajectoryShow = (typeof TRAJECTORY_SHOWS)[number];
export type TrajectoryFocus = { show: 'all' } | { show: 'largest' } | { show: 'card'; cardId: string };
/** How many arrows "largest shifts only" keeps. */
export const LARGEST_SHIFTS = 5;
export const DEFAULT_TRAJECTORIES: TrajectoryFocus = { show: 'all' };

export interface WorkshopSettings {
  /** Named workshop: authors and participant names may be shown. Anonymous by default. */
  named: boolean;
  vote: VoteSettings;
}

export interface ControlState {
  phases: Phase[];
  currentPhaseId: string;
  locked: boolean;
  /** Vote totals visible to participants and the shared screen. */
  resultsRevealed: boolean;
  /**
   * No vote may be cast or retracted: set by revealing the results (so the result shown
   * cannot change under the room's eyes) or by the facilitator; only the facilitator reopens.
   */
  votingClosed: boolean;
  screen: ScreenControl;
  /** Which Koers arrows the facilitator's board and the shared screen show. */
  trajectories: TrajectoryFocus;
  spotlight: Spotlight;
  timer: TimerState;
  settings: WorkshopSettings;
  /** Closed by the facilitator (ms since epoch): the workshop is read-only for everyone. Null while it runs. */
  finishedAt: number | null;
}

export function defaultControlState(): ControlState {
  const phases = defaultPhases();
  return {
    phases,
    currentPhaseId: phases[0]!.id,
    locked: false,
    resultsRevealed: false,
    votingClosed: false,
    screen: DEFAULT_SCREEN,
    trajectories: DEFAULT_TRAJECTORIES,
    spotlight: null,
    timer: IDLE_TIMER,
    settings: { named: false, vote: DEFAULT_VOTE_SETTINGS },
    finishedAt: null,
  };
}

export function currentPhase(state: ControlState): Phase | undefined {
  return state.phases.find((p) => p.id === state.currentPhaseId);
}

/** Revealing the results closes voting; hiding them again leaves it as it was (reopening is its own, deliberate step). */
export function applyReveal(state: ControlState, revealed: boolean): ControlState {
  return { ...state, resultsRevealed: revealed, votingClosed: revealed ? true : state.votingClosed };
}

/** A new phase starts its lists on the first page of the screen (automatic paging counts from `now`). */
export function applyPhase(state: ControlState, phaseId: string, now = 0): ControlState {
  if (state.currentPhaseId === phaseId) return state;
  return { ...state, currentPhaseId: phaseId, screen: { ...state.screen, page: 0, turnedAt: now } };
}

/** Time left on the timer at `now` (server clock), in ms. */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return timer.remainingMs;
}

export type TimerAction =
  | { action: 'start'; seconds: number }
  | { action: 'adjust'; seconds: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'reset' };

/** The facilitator's timer buttons, as a pure rule (server clock `now`, ms). */
export function applyTimer(timer: TimerState, command: TimerAction, now: number): TimerState {
  const clamp = (ms: number) => Math.min(TIMER_MAX_MS, Math.max(0, ms));
  switch (command.action) {
    case 'start':
      return { status: 'running', endsAt: now + clamp(command.seconds * 1000), remainingMs: clamp(command.seconds * 1000) };
    case 'pause':
      if (timer.status !== 'running') return timer;
      return { status: 'paused', endsAt: null, remainingMs: timerRemaining(timer, now) };
    case 'resume':
      if (timer.status !== 'paused') return timer;
      return { status: 'running', endsAt: now + timer.remainingMs, remainingMs: timer.remainingMs };
    case 'adjust': {
      const left = clamp(timerRemaining(timer, now) + command.seconds * 1000);
      if (timer.status === 'running') return { status: 'running', endsAt: now + left, remainingMs: left };
      return { ...timer, remainingMs: left };
    }
    case 'reset':
      return IDLE_TIMER;
  }
}
