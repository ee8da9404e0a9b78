import type { FileChild } from 'docx';
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
import { renderPng } from './png';
import { SVG_HEIGHT, SVG_WIDTH, renderSvg } from './svg';
import { heading, para, picture, table, title, wordDocument, wordLine } from './word';

/** The board picture across the text width of A4 with 2 cm margins (17 cm at 96 px per inch). */
const PICTURE_WIDTH_PX = 642;

/**
 * The workshop report as an editable Word document, with the same content as
 * the PDF (pdf.ts) and from the same model and labels: title block, the board
 * as a picture and as text, placement rounds, barriers by votes, proposals
 * (as a table), confirmed alarms. See docs/exports.md.
 */
export async function renderDocx(model: WorkshopExport, lang: ExportLang): Promise<Buffer> {
  const L = labelsFor(lang);
  const w = model.workshop;
  const name = oneLine(w.title);
  const out: FileChild[] = [];

  out.push(title(name), para(L.reportTitle, { muted: true }));
  out.push(para(`${L.date}: ${formatDate(w.createdAt, lang)}`));
  out.push(para(`${L.participants}: ${L.participantCount(model.participants.count)}`));
  if (w.settings.named && model.participants.names.length > 0) {
    out.push(para(`${L.participantNames}: ${model.participants.names.map(oneLine).join(', ')}`));
  }
  out.push(para(`${L.template}: ${w.template.name[lang]}`));
  const steps = activePhases(model).map((p) => oneLine(phaseTitle(p, lang)));
  if (steps.length > 0) out.push(para(`${L.steps}: ${steps.join(' → ')}`));
  if (!w.settings.named) out.push(para(L.anonymous, { muted: true }));

  out.push(heading(L.board, 1));
  const png = await renderPng(renderSvg(model, lang));
  const arrows = model.cards.filter((c) => c.target).length;
  out.push(
    picture(png, PICTURE_WIDTH_PX, Math.round((PICTURE_WIDTH_PX * SVG_HEIGHT) / SVG_WIDTH), `${L.boardAlt(name)}. ${L.boardDesc(model.cards.length, arrows)}`),
  );

  out.push(heading(L.cardsTitle, 1));
  if (model.cards.length === 0) out.push(para(L.cardsNone));
  for (const { quadrant, cards } of cardsByQuadrant(model)) {
    if (cards.length === 0) continue;
    out.push(heading(quadrant.label, 2));
    for (const c of cards) {
      out.push(
        para(`${c.n}. ${oneLine(c.card.title)} (${L.cardKind[c.card.kind]}): ${c.target ? L.cardTo(c.target.label) : L.noTarget}`, { indent: true }),
      );
    }
  }

  const rounds = shownRounds(model, L);
  if (rounds.length > 0) {
    out.push(heading(L.roundsTitle, 1));
    for (const r of rounds) {
      out.push(heading(`${L.roundNumber(r.n)}: ${L.roundMode[r.round.mode]}`, 2));
      if (!r.revealed) out.push(para(L.roundOpen, { muted: true }));
      r.results.forEach(({ title: cardTitle, result, mean }, i) => {
        const facts =
          result.stats && mean
            ? L.roundResult(result.stats.count, mean.label, L.spread[spreadLevel(result.stats.spread)], Math.round(result.stats.spread * 100))
            : L.roundNoPlacements;
        out.push(para(`${i + 1}. ${oneLine(cardTitle)}: ${facts}`, { indent: true }));
      });
    }
  }

  out.push(heading(L.barriersTitle, 1));
  const barriers = rankedBarriers(model);
  if (barriers.length === 0) out.push(para(L.barriersNone));
  else out.push(para(L.voters(model.voters), { muted: true }));
  for (const b of barriers) {
    out.push(para(`${b.rank}. ${oneLine(b.text)} (${L.votes(b.votes)})`));
    const details = [
      b.heading ? `${L.heading}: ${oneLine(b.heading)}` : '',
      b.cardIds.length > 0 ? `${L.linkedCards}: ${cardTitles(model, b.cardIds).map(oneLine).join(', ')}` : '',
      w.settings.named && b.authorName ? `${L.author}: ${oneLine(b.authorName)}` : '',
    ].filter(Boolean);
    if (details.length > 0) out.push(para(details.join(' · '), { muted: true, indent: true }));
  }

  out.push(heading(L.proposalsTitle, 1));
  if (model.proposals.length === 0) out.push(para(L.proposalsNone));
  else {
    out.push(
      table(
        [L.proposalsTitle, L.kind, L.owner, L.due, L.status, L.linkedTo],
        model.proposals.map((p) => [
          oneLine(p.text),
          L.proposalKind[p.kind],
          p.owner.trim() ? oneLine(p.owner) : L.noOwner,
          p.dueDate ? formatDueDate(p.dueDate, lang) : L.noDate,
          L.proposalStatus[p.status],
          proposalLinks(model, p, L).map(oneLine).join('; '),
        ]),
      ),
    );
  }

  out.push(heading(L.alarmsTitle, 1));
  const alarms = confirmedAlarms(model);
  if (alarms.length === 0) out.push(para(L.alarmsNone));
  for (const { alarm, about } of alarms) {
    out.push(para(`${L.alarmOn[alarm.targetType]}: ${oneLine(about ?? L.removedItem)}`, { bold: true }));
    out.push(para(`${L.reason}: ${oneLine(alarm.reason)}`, { indent: true }));
  }

  return wordDocument({
    lang,
    title: `${name} – ${L.reportTitle}`,
    subject: L.reportTitle,
    footer: `${wordLine(L.generatedBy)} · ${formatDateTime(Date.parse(model.exportedAt), lang)}`,
    pageWord: lang === 'nl' ? 'pagina' : 'page',
    children: out,
  });
}
