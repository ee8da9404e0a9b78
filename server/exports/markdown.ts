import type { ExportLang, WorkshopExport } from '../../shared/export';
import {
  activePhases,
  cardTitles,
  cardsByQuadrant,
  confirmedAlarms,
  oneLine,
  proposalLinks,
  rankedBarriers,
  shownRounds,
} from './content';
import { formatDate, formatDateTime, formatDueDate, labelsFor, phaseTitle, spreadLevel } from './labels';

/**
 * The workshop as Markdown, for the council's minutes (raadsverslag): it pastes
 * into a wiki or a document and reads well as plain text too.
 *
 * Every user text goes through `md()`: it cannot open a heading, list, quote,
 * table, link, image, emphasis or raw HTML, whatever it contains.
 */
export function renderMarkdown(model: WorkshopExport, lang: ExportLang): string {
  const L = labelsFor(lang);
  const w = model.workshop;
  const out: string[] = [];
  const named = w.settings.named;

  out.push(`# ${md(w.title)}`, '');
  out.push(`${L.reportTitle}.`, '');
  out.push(`- **${L.date}:** ${formatDate(w.createdAt, lang)}`);
  out.push(`- **${L.participants}:** ${L.participantCount(model.participants.count)}`);
  if (named && model.participants.names.length > 0) {
    out.push(`- **${L.participantNames}:** ${model.participants.names.map(md).join(', ')}`);
  }
  out.push(`- **${L.template}:** ${md(w.template.name[lang])}`);
  const steps = activePhases(model).map((p) => md(phaseTitle(p, lang)));
  if (steps.length > 0) out.push(`- **${L.steps}:** ${steps.join(' → ')}`);
  out.push(`- **${L.exportedAt}:** ${formatDateTime(Date.parse(model.exportedAt), lang)}`);
  if (!named) out.push('', L.anonymous);
  out.push('');

  // Cards, grouped by where they are now, each with where it should go.
  out.push(`## ${L.cardsTitle}`, '');
  if (model.cards.length === 0) out.push(L.cardsNone, '');
  for (const { quadrant, cards } of cardsByQuadrant(model)) {
    if (cards.length === 0) continue;
    out.push(`### ${md(quadrant.label)}`, '');
    for (const { n, card, target } of cards) {
      const to = target ? `→ ${md(target.label)}` : `(${L.noTarget})`;
      out.push(`- **${n}. ${md(card.title)}** (${L.cardKind[card.kind]}) ${to}`);
    }
    out.push('');
  }

  // Placement rounds: how many placed a card, where on average, how much people differed.
  const rounds = shownRounds(model, L);
  if (rounds.length > 0) {
    out.push(`## ${L.roundsTitle}`, '');
    for (const r of rounds) {
      out.push(`### ${L.roundNumber(r.n)}: ${L.roundMode[r.round.mode]}`, '');
      if (!r.revealed) {
        out.push(L.roundOpen, '');
        continue;
      }
      r.results.forEach(({ title, result, mean }, i) => {
        const facts =
          result.stats && mean
            ? L.roundResult(
                result.stats.count,
                md(mean.label),
                L.spread[spreadLevel(result.stats.spread)],
                Math.round(result.stats.spread * 100),
              )
            : L.roundNoPlacements;
        out.push(`${i + 1}. **${md(title)}**: ${facts}`);
      });
      out.push('');
    }
  }

  // Barriers: every one of them, also those nobody voted for.
  out.push(`## ${L.barriersTitle}`, '');
  const barriers = rankedBarriers(model);
  if (barriers.length === 0) {
    out.push(L.barriersNone, '');
  } else {
    out.push(L.voters(model.voters), '');
    const head = [L.rank, L.barrier, L.heading, L.voteCount, L.linkedCards, ...(named ? [L.author] : [])];
    out.push(tableRow(head), tableRow(head.map(() => '---')));
    for (const b of barriers) {
      out.push(
        tableRow([
          String(b.rank),
          md(b.text) + (b.variants.length > 0 ? ` (${md(L.variants)}: ${b.variants.map(md).join('; ')})` : ''),
          md(b.heading),
          String(b.votes),
          cardTitles(model, b.cardIds).map(md).join(', '),
          ...(named ? [md(b.authorName)] : []),
        ]),
      );
    }
    out.push('');
  }

  out.push(`## ${L.proposalsTitle}`, '');
  if (model.proposals.length === 0) {
    out.push(L.proposalsNone, '');
  } else {
    const head = [L.proposal, L.kind, L.owner, L.due, L.status, L.linkedTo];
    out.push(tableRow(head), tableRow(head.map(() => '---')));
    for (const p of model.proposals) {
      out.push(
        tableRow([
          md(p.text),
          L.proposalKind[p.kind],
          p.owner.trim() ? md(p.owner) : `*${L.noOwner}*`,
          p.dueDate ? md(formatDueDate(p.dueDate, lang)) : `*${L.noDate}*`,
          L.proposalStatus[p.status],
          proposalLinks(model, p, L).map(md).join('; '),
        ]),
      );
    }
    out.push('');
  }

  out.push(`## ${L.alarmsTitle}`, '');
  const alarms = confirmedAlarms(model);
  if (alarms.length === 0) out.push(L.alarmsNone);
  for (const { alarm, about } of alarms) {
    out.push(`- **${L.alarmOn[alarm.targetType]}:** ${md(about ?? L.removedItem)}. ${L.reason}: ${md(alarm.reason)}`);
  }
  out.push('');
  return out.join('\n');
}

/** A table row; cells are already escaped (`|` included), so they cannot break the table. */
function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * User text as inert Markdown text on one line.
 *
 * - white space (newlines too) collapses to one space: no new block can start;
 * - every character with inline meaning is escaped with a backslash, so no
 *   emphasis, code, link, image, table cell or strikethrough can form;
 * - `<`, `>` and `&` become entities: no raw HTML, no autolink, in any renderer;
 * - a leading `#`, `-`, `+`, `=`, `>` or `1.` / `1)` is escaped, so the text cannot
 *   turn the list item or cell it sits in into a heading, list or quote.
 */
export function md(text: string): string {
  const flat = oneLine(stripControls(text));
  const escaped = flat
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
  return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Control characters (other than white space) have no place in a report. */
function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
