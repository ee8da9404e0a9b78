import { renderAsync } from '@resvg/resvg-js';
import { FONT_BOLD, FONT_FAMILY, FONT_REGULAR } from './fonts';
import { SVG_WIDTH } from './svg';

/**
 * The board SVG (svg.ts) as a PNG, at the SVG's own size (1600 × 1000 px).
 *
 * Only the bundled DejaVu fonts are used, never the system's: a fresh server
 * or CI machine may have no fonts at all, and then every letter would be lost
 * without an error. renderAsync draws off the main thread, so a large board
 * does not hold up the workshops that run at the same time.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: SVG_WIDTH },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_REGULAR, FONT_BOLD],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  });
  return image.asPng();
}
