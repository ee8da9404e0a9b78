import { QUADRANT_CORNERS, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';

/** The four quadrant areas, each with its label (visible) and description (title and screen-reader text). */
export function Quadrants({ template }: { template: Template }) {
  const { lang } = useI18n();
  return (
    <div className="rb-quadrants">
      {QUADRANT_CORNERS.map((corner) => {
        const q = template.quadrants.find((x) => x.corner === corner);
        if (!q) return null;
        return (
          <div key={corner} className={`rb-quadrant rb-quadrant--${corner}`} title={q.description[lang]} data-quadrant={q.id}>
            <p className="rb-quadrant__label">
              {q.label}
              <span className="rb-sr-only">: {q.description[lang]}</span>
            </p>
          </div>
        );
      })}
    </div>
  );
}
