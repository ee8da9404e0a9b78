import type { RoundCardResult } from '../../../shared/protocol';
import type { PlaneSize } from '../board/usePlaneSize';

/** Shapes per card, so cards are told apart by shape and number, not only by colour. */
const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
const HUES = 6;

function Dot({ shape, x, y, r, className }: { shape: (typeof SHAPES)[number]; x: number; y: number; r: number; className: string }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} className={className} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={r * 2} height={r * 2} className={className} />;
    case 'triangle':
      return <path d={`M${x},${y - r * 1.2} L${x + r * 1.1},${y + r * 0.8} L${x - r * 1.1},${y + r * 0.8} z`} className={className} />;
    case 'diamond':
      return <path d={`M${x},${y - r * 1.3} L${x + r * 1.3},${y} L${x},${y + r * 1.3} L${x - r * 1.3},${y} z`} className={className} />;
  }
}

/**
 * A revealed placement round drawn on the board: every placement as a dot
 * (anonymous), the mean as a numbered badge and the spread as a dashed circle.
 * The numbers match the list ordered by spread; the list carries the text.
 */
export function RoundOverlay({ results, size, large }: { results: RoundCardResult[]; size: PlaneSize; large?: boolean }) {
  const { width: w, height: h } = size;
  if (w === 0 || h === 0) return null;
  const dotR = large ? 10 : 5;
  const badgeR = large ? 20 : 12;
  return (
    <svg className="rb-round-overlay" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      {results.map((r, i) => {
        const shape = SHAPES[i % SHAPES.length]!;
        const hue = `rb-hue-${i % HUES}`;
        const stats = r.stats;
        return (
          <g key={r.cardId} className={hue}>
            {stats && (
              <ellipse
                cx={stats.mean.x * w}
                cy={stats.mean.y * h}
                rx={Math.max(stats.spread * w, 2)}
                ry={Math.max(stats.spread * h, 2)}
                className="rb-round-overlay__spread"
              />
            )}
            {r.dots.map((d, j) => (
              <Dot key={j} shape={shape} x={d.x * w} y={d.y * h} r={dotR} className="rb-round-overlay__dot" />
            ))}
            {stats && (
              <g className="rb-round-overlay__mean">
                <circle cx={stats.mean.x * w} cy={stats.mean.y * h} r={badgeR} />
                <text x={stats.mean.x * w} y={stats.mean.y * h} dy="0.35em" textAnchor="middle" fontSize={badgeR * 1.1}>
                  {i + 1}
                </text>
              </g>
            )}
          </g>
        );
      })}
    </svg>
  );
}
