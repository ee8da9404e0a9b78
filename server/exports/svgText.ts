import { oneLine } from './content';
import { EMOJI_FAMILY, fontRuns, textWidth } from './fonts';

/**
 * Text for the board SVG: escaping, measuring (with the same font files resvg draws with, so a
 * measured box is the drawn box), wrapping at word boundaries, and the <text> element itself.
 */

export const INK = '#1a1f27';
export const MUTED = '#4b5563';

export interface TextStyle {
  size: number;
  weight?: 'bold';
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  /** A white outline behind the letters, for text drawn over lines and hatching. */
  halo?: boolean;
}

/**
 * One line of text. An emoji is put in a <tspan> with the emoji font by name: resvg's own
 * fallback does not find it for bold text, and then it would draw an empty box.
 */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size}"`,
    style.weight ? `font-weight="${style.weight}"` : '',
    style.anchor && style.anchor !== 'start' ? `text-anchor="${style.anchor}"` : '',
    `fill="${style.fill ?? INK}"`,
    style.halo ? 'stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  const body = fontRuns(oneLine(content), style.weight === 'bold')
    .map((run) =>
      run.font.startsWith('emoji') ? `<tspan font-family="'${EMOJI_FAMILY}'">${xml(run.text)}</tspan>` : xml(run.text),
    )
    .join('');
  return `<text ${attrs.join(' ')}>${body}</text>`;
}

/** Width in px of one line as drawn by text(). */
export function measure(content: string, size: number, bold = false): number {
  return textWidth(oneLine(content), size, bold);
}

/**
 * Lines of at most `maxWidth` px, broken only between words (never inside one: a word wider
 * than the line gets a line of its own and may stick out). With `maxLines`, what does not fit
 * is left out after the last whole word, with an ellipsis.
 */
export function wrapWords(content: string, maxWidth: number, size: number, options: { bold?: boolean; maxLines?: number } = {}): string[] {
  const words = oneLine(content).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measure(candidate, size, options.bold) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const max = options.maxLines;
  if (max === undefined || lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  // Make room for the ellipsis by dropping whole words from the last kept line.
  let last = `${kept[max - 1]!} ${lines[max]!.split(' ')[0]!}`;
  do {
    last = last.split(' ').slice(0, -1).join(' ');
  } while (last.includes(' ') && measure(`${last} …`, size, options.bold) > maxWidth);
  kept[max - 1] = `${last} …`;
  return kept;
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** At most `max` characters (code points, so no emoji is cut in half), with an ellipsis when cut. */
export function truncate(content: string, max: number): string {
  const chars = Array.from(oneLine(content));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Text as XML character data or attribute value: the five special characters
 * escaped, and characters XML 1.0 does not allow at all (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) dropped, so the file always parses.
 */
export function xml(content: string): string {
  return (
    content
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
