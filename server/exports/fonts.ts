import { fileURLToPath } from 'node:url';

/**
 * DejaVu Sans, bundled in ./fonts (licence and reason in fonts/README.md).
 * Resolved from this module, not from the working directory: the server runs
 * with tsx from the repository, tests from wherever Vitest starts.
 */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_REGULAR = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
export const FONT_BOLD = fileURLToPath(new URL('./fonts/DejaVuSans-Bold.ttf', import.meta.url));
