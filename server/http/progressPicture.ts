import type { Response } from 'express';
import type { ExportLang } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';
import { progressSvg } from '../exports/progressPicture';

/**
 * Sends the progress report's quadrant picture (the one in its Word and PDF
 * files) as SVG, for the knowledge centre's and the organisation's page. Shown
 * there in an <img>, which runs no script and loads nothing; the renderer
 * escapes every text and links nothing. The page lists each card in words.
 */
export function sendPicture(res: Response, report: ProgressReport, lang: ExportLang): void {
  res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.send(progressSvg(report, lang));
}
