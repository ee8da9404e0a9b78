import type { Phase, PhaseKind, Permission } from '../../../shared/phases';
import type { MessageKey, Translate } from '../i18n';

const TITLE_KEYS: Record<PhaseKind, MessageKey> = {
  welkom: 'phase.welkom.title',
  positioneren: 'phase.positioneren.title',
  koers: 'phase.koers.title',
  drempels: 'phase.drempels.title',
  stemmen: 'phase.stemmen.title',
  voorstellen: 'phase.voorstellen.title',
  afronden: 'phase.afronden.title',
};

const INSTRUCTION_KEYS: Record<PhaseKind, MessageKey> = {
  welkom: 'phase.welkom.instruction',
  positioneren: 'phase.positioneren.instruction',
  koers: 'phase.koers.instruction',
  drempels: 'phase.drempels.instruction',
  stemmen: 'phase.stemmen.instruction',
  voorstellen: 'phase.voorstellen.instruction',
  afronden: 'phase.afronden.instruction',
};

export const PERMISSION_KEYS: Record<Permission, MessageKey> = {
  addCards: 'permission.addCards',
  moveCards: 'permission.moveCards',
  setTargets: 'permission.setTargets',
  addBarriers: 'permission.addBarriers',
  vote: 'permission.vote',
  addProposals: 'permission.addProposals',
};

export function defaultPhaseTitle(kind: PhaseKind, t: Translate): string {
  return t(TITLE_KEYS[kind]);
}

/** The phase's own title when the facilitator gave one, else the default of its kind. */
export function phaseTitle(phase: Phase | undefined, t: Translate): string {
  if (!phase) return '';
  return phase.title.trim() || t(TITLE_KEYS[phase.kind]);
}

export function defaultPhaseInstruction(kind: PhaseKind, t: Translate): string {
  return t(INSTRUCTION_KEYS[kind]);
}

export function phaseInstruction(phase: Phase | undefined, t: Translate): string {
  if (!phase) return '';
  return phase.instruction.trim() || t(INSTRUCTION_KEYS[phase.kind]);
}
