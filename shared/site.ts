/**
 * The site around the workshops: who offers this Regiebord (name, logo, contact),
 * how long data is kept, and the configurable texts (accessibility statement, privacy).
 *
 * Page texts are a small, safe subset of Markdown, parsed here into plain blocks that
 * the client renders as React elements: no HTML from a text file ever reaches the page.
 */

export const SITE_PAGES = ['toegankelijkheid', 'privacy'] as const;
export type SitePageName = (typeof SITE_PAGES)[number];
export const SITE_LANGS = ['nl', 'en'] as const;
export type SiteLang = (typeof SITE_LANGS)[number];

export function isSitePage(name: string): name is SitePageName {
  return (SITE_PAGES as readonly string[]).includes(name);
}

export interface SiteContact {
  name: string;
  email: string;
  phone: string;
  url: string;
}

/** GET /api/site */
export interface SiteInfo {
  /** Shown in the header and the tab title. */
  name: string;
  /** The theme's folder name (for example "default" or "voorbeeld"). */
  theme: string;
  /** Same-origin URL of the theme's logo, or null when the theme has none. */
  logoUrl: string | null;
  contact: SiteContact;
  /** Days a workshop is kept; the privacy statement names it. */
  retentionDays: number;
}

/** GET /api/site/pages/:name?lang= */
export interface SitePageText {
  page: SitePageName;
  lang: SiteLang;
  /** True when the municipality supplied its own text (DATA_DIR/site/<page>.<lang>.md). */
  custom: boolean;
  /** The text, placeholders filled in: Markdown subset, see parseSiteText. */
  text: string;
}

// ----------------------------------------------------------- the text format

export type Inline = { type: 'text'; text: string } | { type: 'strong'; text: string } | { type: 'link'; text: string; href: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] };

/** Links may go to our own pages, the web, mail and phone; anything else (javascript:, data:) stays text. */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/))/i;

export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href.trim());
}

/** `**bold**` and `[text](href)`; everything else is text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of source.matchAll(pattern)) {
    if (m.index > last) out.push({ type: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'strong', text: m[1] });
    else if (isSafeHref(m[3]!)) out.push({ type: 'link', text: m[2]!, href: m[3]!.trim() });
    else out.push({ type: 'text', text: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ type: 'text', text: source.slice(last) });
  return out;
}

/**
 * Headings (`#`, `##`, `###`), lists (lines starting with `- ` or `* `) and paragraphs
 * (separated by a blank line; single line breaks join with a space).
 */
export function parseSiteText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ type: 'list', items: list });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, content: parseInline(heading[2]!) });
    } else if (item) {
      if (paragraph.length) flush();
      (list ??= []).push(parseInline(item[1]!));
    } else if (list && raw.startsWith('  ')) {
      // A continued list item.
      const items: Inline[][] = list;
      items[items.length - 1]!.push({ type: 'text', text: ' ' }, ...parseInline(line));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Fill `{{name}}`-style placeholders; unknown ones stay as they are. */
export function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
