import PDFDocument from 'pdfkit';
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
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { formatDate, formatDateTime, formatDueDate, labelsFor, phaseTitle, spreadLevel } from './labels';
import { renderPng } from './png';
import { SVG_HEIGHT, SVG_WIDTH, renderSvg } from './svg';

/** A4 in PDF points, with 2 cm margins. */
const PAGE_MARGIN_PT = 56;
/** A heading needs this much room below it (pt), else it goes to the next page with its text. */
const KEEP_WITH_NEXT_PT = 80;
const SIZE = { h1: 22, h2: 15, h3: 12, body: 10.5, small: 9 } as const;
const INK = '#1a1f27';
const MUTED = '#4b5563';

type Doc = PDFKit.PDFDocument;

/**
 * The workshop report as a PDF for the stuurgroep and the council: title, date,
 * participants, the board as a picture with the same content as text, the
 * placement rounds, every barrier by votes (also those with none), the
 * proposals with owner, date and status, and the confirmed alarms.
 *
 * Tagged (headings, paragraphs, a figure with alternative text) with the
 * document language set, the bundled DejaVu font embedded so every Dutch
 * character shows and can be copied, and long lists flowing onto new pages.
 */
export async function renderPdf(model: WorkshopExport, lang: ExportLang): Promise<Buffer> {
  const L = labelsFor(lang);
  const w = model.workshop;
  const title = oneLine(w.title);
  const boardPng = await renderPng(renderSvg(model, lang));

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN_PT,
    // Start with the bundled font, so pdfkit never loads (or embeds) a standard font.
    font: FONT_REGULAR,
    pdfVersion: '1.7',
    tagged: true,
    lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${title} – ${L.reportTitle}`,
      Subject: L.reportTitle,
      Creator: 'Regiebord',
      Producer: 'Regiebord',
      CreationDate: new Date(Date.parse(model.exportedAt) || w.createdAt),
    },
  });
  doc.registerFont('body', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const done = collect(doc);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const heading = (text: string, level: 'h1' | 'h2' | 'h3') => {
    if (level !== 'h1') keepWithNext(doc, KEEP_WITH_NEXT_PT);
    if (level === 'h2') doc.moveDown(0.6);
    doc.font('bold').fontSize(SIZE[level]).fillColor(INK);
    doc.text(text, { structParent: root, structType: level.toUpperCase(), width });
    doc.moveDown(0.3);
  };
  const para = (text: string, options: { muted?: boolean; bold?: boolean; indent?: number; gap?: number } = {}) => {
    const indent = options.indent ?? 0;
    doc
      .font(options.bold ? 'bold' : 'body')
      .fontSize(options.muted ? SIZE.small : SIZE.body)
      .fillColor(options.muted ? MUTED : INK);
    doc.text(text, doc.page.margins.left + indent, doc.y, { structParent: root, structType: 'P', width: width - indent });
    doc.x = doc.page.margins.left;
    doc.moveDown(options.gap ?? 0.25);
  };

  // Title block.
  heading(title, 'h1');
  para(L.reportTitle, { muted: true, gap: 0.6 });
  para(`${L.date}: ${formatDate(w.createdAt, lang)}`);
  para(`${L.participants}: ${L.participantCount(model.participants.count)}`);
  if (w.settings.named && model.participants.names.length > 0) {
    para(`${L.participantNames}: ${model.participants.names.map(oneLine).join(', ')}`);
  }
  para(`${L.template}: ${w.template.name[lang]}`);
  const steps = activePhases(model).map((p) => oneLine(phaseTitle(p, lang)));
  if (steps.length > 0) para(`${L.steps}: ${steps.join(' → ')}`);
  if (!w.settings.named) para(L.anonymous, { muted: true });

  // The board as a picture, then the same content as text (its text alternative in the document).
  heading(L.board, 'h2');
  const imageHeight = (width * SVG_HEIGHT) / SVG_WIDTH;
  keepWithNext(doc, imageHeight + 10);
  const imageY = doc.y;
  root.add(
    doc.struct('Figure', { alt: `${L.boardAlt(title)}. ${L.boardDesc(model.cards.length, countArrows(model))}` }, () => {
      doc.image(boardPng, doc.page.margins.left, imageY, { width });
    }),
  );
  doc.x = doc.page.margins.left;
  doc.y = imageY + imageHeight + 10;

  heading(L.cardsTitle, 'h2');
  if (model.cards.length === 0) para(L.cardsNone);
  for (const { quadrant, cards } of cardsByQuadrant(model)) {
    if (cards.length === 0) continue;
    heading(quadrant.label, 'h3');
    for (const c of cards) {
      para(
        `${c.n}. ${oneLine(c.card.title)} (${L.cardKind[c.card.kind]}): ` +
          (c.target ? L.cardTo(c.target.label) : L.noTarget),
        { indent: 10 },
      );
    }
  }

  const rounds = shownRounds(model, L);
  if (rounds.length > 0) {
    heading(L.roundsTitle, 'h2');
    for (const r of rounds) {
      heading(`${L.roundNumber(r.n)}: ${L.roundMode[r.round.mode]}`, 'h3');
      if (!r.revealed) para(L.roundOpen, { muted: true });
      r.results.forEach(({ title: cardTitle, result, mean }, i) => {
        const facts =
          result.stats && mean
            ? L.roundResult(
                result.stats.count,
                mean.label,
                L.spread[spreadLevel(result.stats.spread)],
                Math.round(result.stats.spread * 100),
              )
            : L.roundNoPlacements;
        para(`${i + 1}. ${oneLine(cardTitle)}: ${facts}`, { indent: 10 });
      });
    }
  }

  heading(L.barriersTitle, 'h2');
  const barriers = rankedBarriers(model);
  if (barriers.length === 0) para(L.barriersNone);
  else para(L.voters(model.voters), { muted: true });
  for (const b of barriers) {
    para(`${b.rank}. ${oneLine(b.text)} (${L.votes(b.votes)})`, { gap: 0.05 });
    const details = [
      b.heading ? `${L.heading}: ${oneLine(b.heading)}` : '',
      b.variants.length > 0 ? `${L.variants}: ${b.variants.map(oneLine).join('; ')}` : '',
      b.cardIds.length > 0 ? `${L.linkedCards}: ${cardTitles(model, b.cardIds).map(oneLine).join(', ')}` : '',
      w.settings.named && b.authorName ? `${L.author}: ${oneLine(b.authorName)}` : '',
    ].filter(Boolean);
    if (details.length > 0) para(details.join(' · '), { muted: true, indent: 14 });
    else doc.moveDown(0.2);
  }

  heading(L.proposalsTitle, 'h2');
  if (model.proposals.length === 0) para(L.proposalsNone);
  for (const p of model.proposals) {
    para(oneLine(p.text), { bold: true, gap: 0.05 });
    para(
      [
        `${L.kind}: ${L.proposalKind[p.kind]}`,
        `${L.owner}: ${p.owner.trim() ? oneLine(p.owner) : L.noOwner}`,
        `${L.due}: ${p.dueDate ? formatDueDate(p.dueDate, lang) : L.noDate}`,
        `${L.status}: ${L.proposalStatus[p.status]}`,
      ].join(' · '),
      { indent: 14, gap: 0.05 },
    );
    const links = proposalLinks(model, p, L).map(oneLine);
    if (links.length > 0) para(`${L.linkedTo}: ${links.join('; ')}`, { muted: true, indent: 14 });
    else doc.moveDown(0.2);
  }

  heading(L.alarmsTitle, 'h2');
  const alarms = confirmedAlarms(model);
  if (alarms.length === 0) para(L.alarmsNone);
  for (const { alarm, about } of alarms) {
    para(`${L.alarmOn[alarm.targetType]}: ${oneLine(about ?? L.removedItem)}`, { bold: true, gap: 0.05 });
    para(`${L.reason}: ${oneLine(alarm.reason)}`, { indent: 14 });
  }

  footers(doc, `${L.generatedBy} · ${formatDateTime(Date.parse(model.exportedAt), lang)}`, L.page);
  root.end();
  doc.end();
  return done;
}

function countArrows(model: WorkshopExport): number {
  return model.cards.filter((c) => c.target).length;
}

/** Start a new page unless `needed` points still fit on this one. */
function keepWithNext(doc: Doc, needed: number): void {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + needed > bottom) doc.addPage();
}

/** Page numbers, drawn last on every page; marked as artifacts so screen readers skip them. */
function footers(doc: Doc, left: string, page: (n: number, total: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    margins.bottom = 0;
    const y = doc.page.height - bottom + 18;
    const width = doc.page.width - margins.left - margins.right;
    doc.font('body').fontSize(SIZE.small).fillColor(MUTED);
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.text(left, margins.left, y, { width, lineBreak: false });
    doc.text(page(i - range.start + 1, range.count), margins.left, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
