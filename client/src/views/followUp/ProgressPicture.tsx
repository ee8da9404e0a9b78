import { useId } from 'react';
import type { ProgressReport, ReportMovement } from '../../../../shared/progressReport';
import { useI18n, type Translate } from '../../i18n';

/**
 * The report's quadrant picture, the one in its Word and PDF files, drawn by
 * the server's board renderer (SVG from our own origin, in an <img>: no script,
 * nothing loaded from elsewhere). Its text alternative is a short alt and,
 * below it, every domain and project in words under the number it has in the
 * picture: where it stood first and last, and its course.
 */
export function ProgressPicture({ report, src }: { report: ProgressReport; src: string }) {
  const { t } = useI18n();
  const listId = useId();
  const n = report.movements.length;
  return (
    <figure className="rb-fu-figure">
      {/* A region of its own that the keyboard can scroll: on a phone the picture is wider than the page. */}
      <div className="rb-fu-figure__frame" role="region" aria-label={t('fu.picture.region')} tabIndex={0}>
        <img className="rb-fu-figure__img" src={src} alt={t('fu.picture.alt', { n })} aria-describedby={listId} />
      </div>
      <figcaption>
        <details className="rb-fu-panel">
          <summary>{t('fu.picture.words', { n })}</summary>
          {/* The picture numbers its cards in the report's order of movements (server/exports/progressPicture.ts). */}
          <ol id={listId} className="rb-fu-moves">
            {report.movements.map((m, i) => (
              <li key={m.registerId} value={i + 1}>
                {movementInWords(m, t)}
              </li>
            ))}
          </ol>
        </details>
        <p>
          <a href={src}>
            {t('fu.picture.open')}
          </a>
        </p>
      </figcaption>
    </figure>
  );
}

function movementInWords(m: ReportMovement, t: Translate): string {
  const vars = {
    title: m.title,
    kind: t(m.kind === 'project' ? 'fu.move.project' : 'fu.move.domain'),
    first: m.first.workshopTitle,
    firstQ: m.first.nowQuadrant,
    latest: m.latest.workshopTitle,
    latestQ: m.latest.nowQuadrant,
    course: m.latest.targetQuadrant ? t('fu.move.course', { target: m.latest.targetQuadrant }) : t('fu.move.noCourse'),
  };
  if (m.workshops < 2) return t('fu.move.once', vars);
  return t(m.quadrantChanged ? 'fu.move.moved' : 'fu.move.stayed', vars);
}
