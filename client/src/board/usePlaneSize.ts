import { useEffect, useState, type RefObject } from 'react';

export interface PlaneSize {
  width: number;
  height: number;
}

/** The board plane's size in CSS pixels, kept up to date (drawings on the board use it). */
export function usePlaneSize(ref: RefObject<HTMLElement | null>): PlaneSize {
  const [size, setSize] = useState<PlaneSize>({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
