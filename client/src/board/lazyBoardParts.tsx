import { lazy, Suspense, type ComponentProps } from 'react';
import type * as PanelModule from './SelectedCardPanel';

/*
 * Parts of the board that a phone does not need at its first paint, loaded when they have
 * something to show: the chosen card's panel (when a card is chosen). It keeps the phone bundle
 * within its budget; the service worker still keeps it for offline use. Same name and props as
 * the real one. (The trajectories stay in the bundle: the shared screen must draw them with
 * the first layout, not a moment later.)
 */
const Panel = lazy(() => import('./SelectedCardPanel').then((m) => ({ default: m.SelectedCardPanel })));

export function SelectedCardPanel(props: ComponentProps<typeof PanelModule.SelectedCardPanel>) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
