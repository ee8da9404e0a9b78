import type { ExportLang, WorkshopExport } from '../../shared/export';
import { cardTitles, proposalLinks, rankedBarriers } from './content';
import { labelsFor } from './labels';

export type CsvTable = 'barriers' | 'proposals';

/**
 * The dialect Dutch Excel opens with a double click: semicolons (the comma is
 * the decimal sign in nl-NL), UTF-8 with a byte order mark (else é becomes Ã©),
 * CRLF line ends, every cell in double quotes with quotes doubled (RFC 4180).
 */
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';
export const CSV_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (or DDE
 * command), also inside quotes. OWASP's advice: prefix such a cell with `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function renderCsv(model: WorkshopExport, table: CsvTable, lang: ExportLang): string {
  const rows = table === 'barriers' ? barrierRows(model, lang) : proposalRows(model, lang);
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + CSV_EOL).join('');
}

function barrierRows(model: WorkshopExport, lang: ExportLang): string[][] {
  const L = labelsFor(lang);
  return [
    [L.rank, L.barrier, L.heading, L.voteCount, L.linkedCards, L.variants],
    ...rankedBarriers(model).map((b) => [
      String(b.rank),
      b.text,
      b.heading,
      String(b.votes),
      cardTitles(model, b.cardIds).join(', '),
      b.variants.join(' | '),
    ]),
  ];
}

function proposalRows(model: WorkshopExport, lang: ExportLang): string[][] {
  const L = labelsFor(lang);
  return [
    [L.proposal, L.kind, L.owner, L.due, L.status, L.linkedTo],
    ...model.proposals.map((p) => [
      p.text,
      L.proposalKind[p.kind],
      p.owner,
      // ISO (yyyy-mm-dd): Excel reads it as a date in every locale.
      p.dueDate,
      L.proposalStatus[p.status],
      proposalLinks(model, p, L).join('; '),
    ]),
  ];
}

/** One cell: made inert for spreadsheets, then quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
