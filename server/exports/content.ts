import type { ExportBarrier, ExportCard, ExportRound, ExportRoundResult, WorkshopExport } from '../../shared/export';
import type { Alarm, Proposal } from '../../shared/method';
import type { Phase } from '../../shared/phases';
import { QUADRANT_CORNERS, quadrantOf, type Position, type Quadrant } from '../../shared/template';
import { cardNumbers } from '../../shared/boardLayout';
import type { ExportLabels } from './labels';

/**
 * What every report shows, worked out once from the model so the formats
 * cannot disagree: card numbers (the same number on the board image and in the
 * text list), quadrants by name, what a proposal or alarm is about, which
 * alarms and rounds are shown. Words come from labels.ts; escaping is the
 * job of each format.
 */

export interface NumberedCard {
  /**
   * 1-based, in the model's order (oldest card first, as the board lists them), unplaced cards
   * included, so a card keeps its number when it is placed: the marker on the board image, its
   * arrow and its target carry it.
   */
  n: number;
  card: ExportCard;
  /** The now position; null for an unplaced card (in the tray, in no quadrant, drawn nowhere). */
  pos: Position | null;
  now: Quadrant | null;
  target: Quadrant | null;
}

export function numberedCards(model: WorkshopExport): NumberedCard[] {
  const template = model.workshop.template;
  // The screen's numbers (shared/boardLayout.ts): the model lists cards in the board's order.
  const numbers = cardNumbers(model.cards);
  return model.cards.map((card) => {
    const pos = card.x !== null && card.y !== null ? { x: card.x, y: card.y } : null;
    return {
      n: numbers.get(card.id)!,
      card,
      pos,
      now: pos ? quadrantOf(template, pos) : null,
      target: card.target ? quadrantOf(template, card.target) : null,
    };
  });
}

/** A card that stands on the board: it has a now position and a quadrant. */
export type PlacedCard = NumberedCard & { pos: Position; now: Quadrant };

export function isPlacedCard(c: NumberedCard): c is PlacedCard {
  return c.pos !== null && c.now !== null;
}

/**
 * The cards grouped by the quadrant they are in now, in the board's reading order;
 * then, under `L.unplaced`, the cards nobody placed yet (when there are any).
 */
export function cardsByQuadrant(model: WorkshopExport, L: ExportLabels): { label: string; cards: NumberedCard[] }[] {
  const cards = numberedCards(model);
  const template = model.workshop.template;
  const groups = QUADRANT_CORNERS.map((corner) => template.quadrants.find((q) => q.corner === corner))
    .filter((q): q is Quadrant => q !== undefined)
    .map((quadrant) => ({ label: quadrant.label, cards: cards.filter((c) => c.now?.id === quadrant.id) }));
  return [...groups, { label: L.unplaced, cards: cards.filter((c) => c.now === null) }];
}

/** The cards nobody has put on the board yet: listed as "nog niet geplaatst". */
export function unplacedCards(model: WorkshopExport): NumberedCard[] {
  return numberedCards(model).filter((c) => c.pos === null);
}

/** Most votes first; equal ranks keep the model's order (the order they were added in). */
export function rankedBarriers(model: WorkshopExport): ExportBarrier[] {
  return [...model.barriers].sort((a, b) => a.rank - b.rank);
}

/** Titles of the linked cards; a link to a card that was removed later is left out. */
export function cardTitles(model: WorkshopExport, ids: readonly string[]): string[] {
  const titles = new Map(model.cards.map((c) => [c.id, c.title]));
  return ids.map((id) => titles.get(id)).filter((t): t is string => t !== undefined);
}

/** What a proposal is about, e.g. "Drempel: Geen één loket" (a barrier first, then a card). */
export function proposalLinks(model: WorkshopExport, proposal: Proposal, L: ExportLabels): string[] {
  const out: string[] = [];
  if (proposal.barrierId) {
    const barrier = model.barriers.find((b) => b.id === proposal.barrierId);
    out.push(`${L.aboutBarrier}: ${barrier ? barrier.text : L.removedItem}`);
  }
  if (proposal.cardId) {
    const card = model.cards.find((c) => c.id === proposal.cardId);
    out.push(`${L.aboutCard}: ${card ? card.title : L.removedItem}`);
  }
  return out;
}

export interface ShownAlarm {
  alarm: Alarm;
  /** The barrier's or proposal's text; null when it was removed. */
  about: string | null;
}

/** Reports show only the alarms the facilitator confirmed, oldest first. */
export function confirmedAlarms(model: WorkshopExport): ShownAlarm[] {
  return model.alarms
    .filter((a) => a.status === 'confirmed')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((alarm) => {
      const target =
        alarm.targetType === 'barrier'
          ? model.barriers.find((b) => b.id === alarm.targetId)
          : model.proposals.find((p) => p.id === alarm.targetId);
      return { alarm, about: target ? target.text : null };
    });
}

export interface ShownRound {
  /** 1-based, in the order the rounds were held. */
  n: number;
  round: ExportRound;
  /** False while the round is open: its placements are still private. */
  revealed: boolean;
  results: { title: string; result: ExportRoundResult; mean: Quadrant | null }[];
}

export function shownRounds(model: WorkshopExport, L: ExportLabels): ShownRound[] {
  const titles = new Map(model.cards.map((c) => [c.id, c.title]));
  const template = model.workshop.template;
  return [...model.rounds]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((round, i) => {
      const revealed = round.status !== 'open';
      return {
        n: i + 1,
        round,
        revealed,
        results: revealed
          ? round.results.map((result) => ({
              title: titles.get(result.cardId) ?? L.unknownCard,
              result,
              mean: result.stats ? quadrantOf(template, result.stats.mean) : null,
            }))
          : [],
      };
    });
}

/** The steps that were not skipped, in order. */
export function activePhases(model: WorkshopExport): Phase[] {
  return model.workshop.phases.filter((p) => !p.skipped);
}

/** Collapse every run of white space (newlines included) to one space: for one-line places. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
