/**
 * Text made safe for Word's XML (and Atom's): characters XML 1.0 forbids are dropped. Kept apart
 * from word.ts so the Atom feed and the PDF do not load the docx package.
 */
/** Characters XML 1.0 forbids (and DEL): they would make the file unreadable. Tab and newline are handled by callers. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function wordText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** One line: every run of white space (newlines included) becomes one space. */
export function wordLine(text: string): string {
  return wordText(text).replace(/\s+/g, ' ').trim();
}
