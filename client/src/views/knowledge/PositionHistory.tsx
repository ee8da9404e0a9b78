import { useId } from 'react';
import type { CardKind } from '../../../../shared/board';
import type { HistoryPoint } from '../../../../shared/knowledge';
import { QUADRANT_CORNERS, type Position } from '../../../../shared/template';
import { useI18n } from '../../i18n';

const W = 400;
const H = 300;
const R = 11;

const px = (p: Position) => ({ x: p.x * W, y: p.y * H });

/**
 * Where one domain or project stood in each workshop: the four quadrants (as
 * on the board), a numbered marker per workshop (1 is the oldest) joined by a
 * dotted line, and an arrow to its target where one was set. A picture for
 * the eye; the table next to it says the same in words.
 */
export function PositionHistory({ title, kind, history }: { title: string; kind: CardKind; history: HistoryPoint[] }) {
  const { t, lang } = useI18n();
  const id = useId().replace(/:/g, '');
  const template = history.at(-1)!.template;
  const points = history.map((h) => ({ now: px(h.now), target: h.target ? px(h.target) : null }));

  return (
    <figure className="rb-kc-history">
      <p className="rb-axis">
        <span aria-hidden="true">↑ </span>
        {template.axes.y.start[lang]}
      </p>
      <div className="rb-axis-row">
        <p className="rb-axis rb-axis--left">
          <span aria-hidden="true">← </span>
          {template.axes.x.start[lang]}
        </p>
        <p className="rb-axis rb-axis--right">
          {template.axes.x.end[lang]}
          <span aria-hidden="true"> →</span>
        </p>
      </div>
      <svg
        className="rb-kc-history__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        data-testid="position-history"
      >
        <title id={`${id}-t`}>{t('kc.entry.svgTitle', { title, count: history.length })}</title>
        <desc id={`${id}-d`}>{t('kc.entry.svgDesc')}</desc>
        <defs>
          <marker id={`${id}-head`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" className="rb-kc-history__head" />
          </marker>
        </defs>
        {QUADRANT_CORNERS.map((corner) => {
          const q = template.quadrants.find((x) => x.corner === corner);
          const left = corner.endsWith('left');
          const top = corner.startsWith('top');
          return (
            <g key={corner}>
              <rect
                x={left ? 0 : W / 2}
                y={top ? 0 : H / 2}
                width={W / 2}
                height={H / 2}
                className={`rb-kc-history__q rb-kc-history__q--${corner}`}
              />
              <text
                x={left ? 8 : W - 8}
                y={top ? 18 : H - 9}
                textAnchor={left ? 'start' : 'end'}
                className="rb-kc-history__label"
              >
                {q?.label}
              </text>
            </g>
          );
        })}
        <line x1={W / 2} y1={0} x2={W / 2} y2={H} className="rb-kc-history__divider" />
        <line x1={0} y1={H / 2} x2={W} y2={H / 2} className="rb-kc-history__divider" />
        <rect x={1} y={1} width={W - 2} height={H - 2} className="rb-kc-history__frame" />
        {points.length > 1 && (
          <polyline points={points.map((p) => `${p.now.x},${p.now.y}`).join(' ')} className="rb-kc-history__path" />
        )}
        {points.map((p, i) => {
          if (!p.target) return null;
          const dx = p.target.x - p.now.x;
          const dy = p.target.y - p.now.y;
          const len = Math.hypot(dx, dy);
          return (
            <g key={`t${i}`}>
              {len > 2 * R && (
                <line
                  x1={p.now.x + (dx / len) * R}
                  y1={p.now.y + (dy / len) * R}
                  x2={p.target.x - (dx / len) * (R - 2)}
                  y2={p.target.y - (dy / len) * (R - 2)}
                  className="rb-kc-history__arrow"
                  markerEnd={`url(#${id}-head)`}
                />
              )}
              <circle cx={p.target.x} cy={p.target.y} r={R - 3} className="rb-kc-history__ring" />
            </g>
          );
        })}
        {points.map((p, i) => (
          <g key={`m${i}`} className="rb-kc-history__marker">
            {kind === 'domain' ? (
              <circle cx={p.now.x} cy={p.now.y} r={R} />
            ) : (
              <rect x={p.now.x - R} y={p.now.y - R} width={2 * R} height={2 * R} rx={2} />
            )}
            <text x={p.now.x} y={p.now.y} dy="0.35em" textAnchor="middle">
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
      <p className="rb-axis">
        <span aria-hidden="true">↓ </span>
        {template.axes.y.end[lang]}
      </p>
      <figcaption className="rb-kc-muted">{t('kc.entry.legend')}</figcaption>
    </figure>
  );
}
