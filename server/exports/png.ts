import { renderAsync, type RenderedImage } from '@resvg/resvg-js';
import { ALL_FONT_FILES, FONT_FAMILY } from './fonts';

/**
 * The board SVG (svg.ts) as a PNG, at the SVG's own size (1600 px wide, 1000 px or taller
 * when the card list needs it) times `zoom`.
 *
 * Only the export fonts (fonts.ts: DejaVu Sans, and Noto Emoji for what DejaVu lacks; resvg
 * falls back per character) are used, never the system's: a fresh server
 * or CI machine may have no fonts at all, and then every letter would be lost
 * without an error. renderAsync draws off the main thread, so a large board
 * does not hold up the workshops that run at the same time.
 */
export async function renderPng(svg: string, zoom = 1): Promise<Buffer> {
  return (await rasterize(svg, { zoom })).asPng();
}

/** The SVG drawn by resvg with the export fonts (or, for a test's comparison, only `fontFiles`). */
export function rasterize(svg: string, options: { zoom?: number; fontFiles?: string[] } = {}): Promise<RenderedImage> {
  return renderAsync(svg, {
    fitTo: { mode: 'zoom', value: options.zoom ?? 1 },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: options.fontFiles ?? ALL_FONT_FILES,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
}
