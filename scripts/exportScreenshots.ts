/**
 * `npx tsx scripts/exportScreenshots.ts`: the board exports at real density (issue 14), as a
 * council clerk receives them: the PNG at 25 and 60 cards, and the first two pages of the PDF
 * at 60 cards (through pdftoppm, from poppler-utils), into docs/screenshots/. Prints how the
 * board was labelled. The cards are the density test's (tests/helpers/densityFixture.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderExport } from '../server/exports';
import { boardSvg } from '../server/exports/svg';
import { densityExport } from '../tests/helpers/densityFixture';

const OUT = path.resolve('docs/screenshots');
fs.mkdirSync(OUT, { recursive: true });
for (const count of [25, 60]) {
  const model = densityExport(count);
  const board = boardSvg(model, 'nl');
  fs.writeFileSync(path.join(OUT, `export-board-${count}.png`), (await renderExport(model, 'png', { lang: 'nl' })).body);
  console.log(`${count} cards: ${board.width}×${board.height} px, labels: ${board.mode}, legible ${(board.legible * 100).toFixed(1)} %`);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regiebord-pdf-'));
const pdf = path.join(tmp, 'report.pdf');
fs.writeFileSync(pdf, (await renderExport(densityExport(60), 'pdf', { lang: 'nl' })).body);
execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '2', '-png', pdf, path.join(OUT, 'export-report-60')]);
fs.rmSync(tmp, { recursive: true, force: true });
