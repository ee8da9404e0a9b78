import { useEffect, useState, type RefObject } from 'react';

/** The most of the window's height a bar may cover while it sticks to the top. */
const MAX_SHARE = 1 / 3;

/**
 * True while the element is taller than a third of the window: then it should not
 * stick to the top. With large text (200%, or zoom) the cockpit wraps to many rows,
 * and a sticky bar would cover most of the window and hide the task scrolled under it.
 */
export function useTooTallToStick(ref: RefObject<HTMLElement | null>): boolean {
  const [tooTall, setTooTall] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Sticky or not, the bar keeps its height: no back and forth.
    const measure = () => setTooTall(el.getBoundingClientRect().height > window.innerHeight * MAX_SHARE);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return tooTall;
}
