import type { Response } from 'express';
import type { ExportLang } from '../../shared/export';
import type { ProgressReport } from '../../shared/progressReport';

/**
 * Sends the progress report's quadrant picture (the one in its Word and PDF
 * files) as SVG, for the knowledge centre's and the organisation's page. Shown
 * there in an <img>, which runs no script and loads nothing; the renderer
 * escapes every text and links nothing. The page lists each card in words.
 *
 * The renderer is imported on first use: it measures text with fontkit (and
 * its PNG sibling holds resvg), about 4 MB an idle server need not hold.
 */
export async function sendPicture(res: Response, report: ProgressReport, lang: ExportLang): Promise<void> {
  const { progressSvg } = await import('../exports/progressPicture');
  res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.send(progressSvg(report, lang));
}
