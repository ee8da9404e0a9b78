import { useId, type CSSProperties } from 'react';
import { trajectoryColour } from '../../../shared/boardLayout';
import type { CardView } from '../../../shared/board';
import { quadrantOf, type Position, type Template } from '../../../shared/template';
import { useI18n } from '../i18n';
import type { PlaneSize } from './usePlaneSize';

interface Props {
  /** Cards with a target, each with where it is drawn now. */
  items: { card: CardView; pos: Position }[];
  size: PlaneSize;
  large?: boolean;
  /** The stable number of every card: drawn at the target marker, so each arrow is attributable. */
  numbers?: Map<string, number>;
  /**
   * 'arrows' goes under the cards, 'targets' (rings with the card's number) above them, so
   * no target marker hides under a card. Default: both in one layer.
   */
  layer?: 'arrows' | 'targets' | 'both';
}

/** Below this distance (board units) a trajectory is a ring only: no arrow to draw. */
const MIN_ARROW = 0.015;

/**
 * The shift of every card: an arrow from where it is now to where it should go (Koers).
 * Each card's arrow and target marker share a colour and the card's number (colour is
 * never the only cue).
 */
export function Trajectories({ items, size, large, numbers, layer = 'both' }: Props) {
  const id = useId().replace(/:/g, '');
  const { width: w, height: h } = size;
  if (w === 0 || h === 0 || items.length === 0) return null;
  const stroke = large ? 5 : 3;
  const ring = large ? 16 : 10;
  const arrows = layer !== 'targets';
  const targets = layer !== 'arrows';
  return (
    <svg
      className={`rb-trajectories rb-trajectories--${layer}`}
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      aria-hidden="true"
      focusable="false"
    >
      {items.map(({ card, pos }) => {
        const target = card.target!;
        const n = numbers?.get(card.id);
        const colour = n ? trajectoryColour(n) : undefined;
        const x1 = pos.x * w;
        const y1 = pos.y * h;
        const x2 = target.x * w;
        const y2 = target.y * h;
        const arrow = Math.hypot(target.x - pos.x, target.y - pos.y) >= MIN_ARROW;
        // Stop the arrow at the ring, so its head stays visible.
        const len = Math.hypot(x2 - x1, y2 - y1) || 1;
        const ex = x2 - ((x2 - x1) / len) * ring;
        const ey = y2 - ((y2 - y1) / len) * ring;
        const head = `${id}-head-${card.id}`;
        const style = colour ? ({ '--rb-traj': colour } as CSSProperties) : undefined;
        // The number sits beside the ring, inside the plane.
        const nx = x2 + ring + 2 > w - 24 ? x2 - ring - 4 : x2 + ring + 4;
        return (
          <g key={card.id} className="rb-trajectories__item" style={style} data-trajectory-id={card.id} data-card-n={n}>
            {arrows && arrow && (
              <>
                <defs>
                  <marker id={head} viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" markerHeight="4" orient="auto">
                    <path d="M0,0 L10,5 L0,10 z" className="rb-trajectories__head" />
                  </marker>
                </defs>
                <line x1={x1} y1={y1} x2={ex} y2={ey} className="rb-trajectories__halo" strokeWidth={stroke + 4} />
                <line x1={x1} y1={y1} x2={ex} y2={ey} className="rb-trajectories__line" strokeWidth={stroke} markerEnd={`url(#${head})`} />
              </>
            )}
            {targets && (
              <g className="rb-trajectories__target" data-target-id={card.id}>
                <circle cx={x2} cy={y2} r={ring} className="rb-trajectories__ring-bg" />
                <circle cx={x2} cy={y2} r={ring} className="rb-trajectories__ring" strokeWidth={stroke - 1} />
                {n !== undefined && (
                  <text
                    x={nx}
                    y={y2 - ring + 4}
                    className="rb-trajectories__n"
                    textAnchor={nx < x2 ? 'end' : 'start'}
                    fontSize={large ? 20 : 13}
                  >
                    {n}
                  </text>
                )}
              </g>
            )}
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
