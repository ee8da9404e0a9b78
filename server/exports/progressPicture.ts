import { EXPORT_KIND, EXPORT_VERSION, type ExportLang, type WorkshopExport } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import { LOCHEM_TEMPLATE } from '../../shared/template';
import { DEFAULT_VOTE_SETTINGS } from '../../shared/voting';
import { PROGRESS_WORDS } from './progressContent';
import { renderPng } from './png';
import { SVG_HEIGHT, SVG_WIDTH, renderSvg } from './svg';

export { SVG_HEIGHT as PICTURE_HEIGHT, SVG_WIDTH as PICTURE_WIDTH };

/**
 * The quadrant picture of the progress report: every selected domain and
 * project where it stood in its latest workshop, with an arrow to its course.
 * Drawn by the board renderer (svg.ts, the same picture as the workshop
 * exports: escaped text, no script, patterns besides colours), from a board
 * made of the report's movements.
 */
export function progressBoard(r: ProgressReport, lang: ExportLang): WorkshopExport {
  return {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: new Date(r.generatedAt).toISOString(),
    workshop: {
      title: PROGRESS_WORDS[lang].title,
      createdAt: r.generatedAt,
      finishedAt: null,
      template: r.template ?? LOCHEM_TEMPLATE,
      phases: [],
      currentPhaseId: '',
      settings: { named: false, vote: DEFAULT_VOTE_SETTINGS },
    },
    participants: { count: 0, names: [] },
    cards: r.movements.map((m) => ({
      id: m.registerId,
      kind: m.kind,
      title: m.title,
      department: m.department,
      description: '',
      x: m.latest.now.x,
      y: m.latest.now.y,
      target: m.latest.target,
      registerId: m.registerId,
      createdAt: m.latest.workshopDate,
    })),
    rounds: [],
    barriers: [],
    voters: 0,
    proposals: [],
    alarms: [],
  };
}

export function progressSvg(r: ProgressReport, lang: ExportLang): string {
  return renderSvg(progressBoard(r, lang), lang);
}

export function progressPng(r: ProgressReport, lang: ExportLang): Promise<Buffer> {
  return renderPng(progressSvg(r, lang));
}
