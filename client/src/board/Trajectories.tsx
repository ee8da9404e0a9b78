import { useId } from 'react';
import type { CardView } from '../../../shared/board';
import { quadrantOf, type Position, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import type { PlaneSize } from './usePlaneSize';

interface Props {
  /** Cards with a target, each with where it is drawn now. */
  items: { card: CardView; pos: Position }[];
  size: PlaneSize;
  large?: boolean;
}

/** Below this distance (board units) a trajectory is a ring only: no arrow to draw. */
const MIN_ARROW = 0.015;

/** The shift of every card: an arrow from where it is now to where it should go (Koers). */
export function Trajectories({ items, size, large }: Props) {
  const id = useId().replace(/:/g, '');
  const { width: w, height: h } = size;
  if (w === 0 || h === 0 || items.length === 0) return null;
  const stroke = large ? 5 : 3;
  const ring = large ? 14 : 9;
  return (
    <svg className="rb-trajectories" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      <defs>
        <marker id={`${id}-head`} viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="rb-trajectories__head" />
        </marker>
      </defs>
      {items.map(({ card, pos }) => {
        const target = card.target!;
        const x1 = pos.x * w;
        const y1 = pos.y * h;
        const x2 = target.x * w;
        const y2 = target.y * h;
        const arrow = Math.hypot(target.x - pos.x, target.y - pos.y) >= MIN_ARROW;
        // Stop the arrow at the ring, so its head stays visible.
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        const ex = x2 - ((x2 - x1) / len) * ring;
        const ey = y2 - ((y2 - y1) / len) * ring;
        return (
          <g key={card.id} className="rb-trajectories__item">
            {arrow && (
              <>
                <line x1={x1} y1={y1} x2={ex} y2={ey} className="rb-trajectories__halo" strokeWidth={stroke + 4} />
                <line
                  x1={x1}
                  y1={y1}
                  x2={ex}
                  y2={ey}
                  className="rb-trajectories__line"
                  strokeWidth={stroke}
                  markerEnd={`url(#${id}-head)`}
                />
              </>
            )}
            <circle cx={x2} cy={y2} r={ring} className="rb-trajectories__ring" strokeWidth={stroke - 1} />
          </g>
        );
      })}
    </svg>
  );
}

/** The same trajectories in words, for screen readers (and anyone who reads the page as text). */
export function TrajectoryList({ cards, template }: { cards: CardView[]; template: Template }) {
  const { t } = useI18n();
  const withTarget = cards.filter((c) => c.target && c.pos);
  if (withTarget.length === 0) return null;
  return (
    <ul className="rb-sr-only" aria-label={t('board.trajectories')} data-testid="trajectories">
      {withTarget.map((card) => (
        <li key={card.id}>
          {t('board.trajectory', {
            title: card.title,
            from: quadrantOf(template, card.pos!).label,
            to: quadrantOf(template, card.target!).label,
          })}
        </li>
      ))}
    </ul>
  );
}
