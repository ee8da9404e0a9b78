/**
 * The workshop method as data: a list of phases, each saying what participants
 * may do. The facilitator can rename, reorder, skip and step back and forth;
 * the server checks permissions against the current phase (see mayParticipant).
 * The schemas (`phaseSchema`, `phaseListSchema`) are in shared/schemas/phases.ts.
 */
export const PHASE_KINDS = ['welkom', 'positioneren', 'koers', 'drempels', 'stemmen', 'voorstellen', 'afronden'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PERMISSIONS = ['addCards', 'moveCards', 'setTargets', 'addBarriers', 'vote', 'addProposals'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PHASE_TITLE_MAX = 60;
export const PHASE_INSTRUCTION_MAX = 300;

export interface Phase {
  /** Lowercase letters, digits and hyphens, 1 to 40; unique within the list. */
  id: string;
  kind: PhaseKind;
  /** Custom title; empty means the default title of the kind (translated by the client). */
  title: string;
  /** Custom instruction; empty means the default instruction of the kind. */
  instruction: string;
  permissions: Permission[];
  skipped: boolean;
}

export const DEFAULT_PERMISSIONS: Record<PhaseKind, Permission[]> = {
  // Warm-up while people join: put your own domains and projects on the board.
  // (Also keeps the board usable the moment a workshop is created.)
  welkom: ['addCards', 'moveCards'],
  positioneren: ['addCards', 'moveCards'],
  koers: ['setTargets'],
  drempels: ['addBarriers'],
  stemmen: ['vote'],
  voorstellen: ['addProposals'],
  afronden: [],
};

export function defaultPhases(): Phase[] {
  return PHASE_KINDS.map((kind) => ({
    id: kind,
    kind,
    title: '',
    instruction: '',
    permissions: [...DEFAULT_PERMISSIONS[kind]],
    skipped: false,
  }));
}

/** What a participant may do now. The facilitator may do everything at any time. */
export function mayParticipant(phase: Phase | undefined, permission: Permission, boardLocked: boolean): boolean {
  if (boardLocked || !phase) return false;
  return phase.permissions.includes(permission);
}

/** The next (or previous) phase that is not skipped; undefined at the ends. */
export function stepPhase(phases: Phase[], currentId: string, direction: 1 | -1): Phase | undefined {
  let i = phases.findIndex((p) => p.id === currentId);
  if (i < 0) return phases.find((p) => !p.skipped);
  for (i += direction; i >= 0 && i < phases.length; i += direction) {
    if (!phases[i]!.skipped) return phases[i];
  }
  return undefined;
}
