import type { ReactNode, RefObject } from 'react';
import { useI18n } from '../i18n';
import { MAX_ZOOM, MIN_ZOOM, type ZoomView } from './useBoardZoom';

/**
 * The window onto a zoomable board: it keeps the board's size on the page while the plane
 * inside grows. Without zoom the plane is rendered as it always was (no wrapper).
 */
export function ZoomViewport(props: {
  enabled: boolean;
  viewport: RefObject<HTMLDivElement | null>;
  scale: number;
  /** A second finger came down: what the first one started on a card is a pinch, not a drag. */
  onSecondTouch: () => void;
  children: ReactNode;
}) {
  const { enabled, viewport, scale, onSecondTouch, children } = props;
  if (!enabled) return children;
  return (
    <div
      ref={viewport}
      className="rb-board__viewport"
      data-zoom={scale.toFixed(2)}
      data-zoomed={scale > MIN_ZOOM ? 'true' : undefined}
      onPointerDownCapture={(e) => {
        if (e.pointerType === 'touch' && !e.isPrimary) onSecondTouch();
      }}
    >
      {children}
    </div>
  );
}

/** Zoom buttons for people who cannot pinch (or use a mouse or keyboard): −, the level, +, whole board. */
export function ZoomControls({ view, onIn, onOut, onFit }: { view: ZoomView; onIn: () => void; onOut: () => void; onFit: () => void }) {
  const { t } = useI18n();
  const percent = Math.round(view.scale * 100);
  return (
    <>
    <p className="rb-zoom__hint">{t('density.zoom.hint')}</p>
    <div className="rb-zoom" role="group" aria-label={t('density.zoom.label')}>
      <button type="button" className="rb-zoom__button" onClick={onOut} disabled={view.scale <= MIN_ZOOM} aria-label={t('density.zoom.out')}>
        <span aria-hidden="true">−</span>
      </button>
      <span className="rb-zoom__level">
        <span className="rb-sr-only">{t('density.zoom.level')} </span>
        {percent} %
      </span>
      <button type="button" className="rb-zoom__button" onClick={onIn} disabled={view.scale >= MAX_ZOOM} aria-label={t('density.zoom.in')}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" className="rb-zoom__button rb-zoom__button--fit" onClick={onFit} disabled={view.scale <= MIN_ZOOM}>
        {t('density.zoom.fit')}
      </button>
    </div>
    </>
  );
}
