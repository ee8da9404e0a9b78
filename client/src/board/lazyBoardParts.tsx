import { lazy, Suspense, type ComponentProps } from 'react';
import type * as PanelModule from './SelectedCardPanel';
import type * as TrajectoryModule from './Trajectories';

/*
 * Parts of the board that a phone does not need at its first paint, loaded when they have
 * something to show: the chosen card's panel (when a card is chosen) and the trajectories
 * (when a card has a target, in Koers). They keep the phone bundle within its budget; the
 * service worker still keeps them for offline use. Same names and props as the real ones.
 */
const Panel = lazy(() => import('./SelectedCardPanel').then((m) => ({ default: m.SelectedCardPanel })));
const Arrows = lazy(() => import('./Trajectories').then((m) => ({ default: m.Trajectories })));
const List = lazy(() => import('./Trajectories').then((m) => ({ default: m.TrajectoryList })));

export function SelectedCardPanel(props: ComponentProps<typeof PanelModule.SelectedCardPanel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}

export function Trajectories(props: ComponentProps<typeof TrajectoryModule.Trajectories>) {
  if (props.items.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Arrows {...props} />
    </Suspense>
  );
}

export function TrajectoryList(props: ComponentProps<typeof TrajectoryModule.TrajectoryList>) {
  if (!props.cards.some((c) => c.target && c.pos)) return null;
  return (
    <Suspense fallback={null}>
      <List {...props} />
    </Suspense>
  );
}
