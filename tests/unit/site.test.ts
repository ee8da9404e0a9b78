import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isSafeHref, parseInline, parseSiteText } from '../../shared/site';

describe('site texts: a safe Markdown subset', () => {
  it('parses headings, paragraphs and lists', () => {
    const blocks = parseSiteText('# Titel\n\nEen zin\nloopt door.\n\n## Kop\n- een\n- **twee**: tekst\n  vervolg\n\nSlot');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'Titel' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Een zin loopt door.' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Kop' }] },
      {
        type: 'list',
        items: [
          [{ type: 'text', text: 'een' }],
          [{ type: 'strong', text: 'twee' }, { type: 'text', text: ': tekst' }, { type: 'text', text: ' ' }, { type: 'text', text: 'vervolg' }],
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Slot' }] },
    ]);
  });

  const hrefs: [href: string, safe: boolean][] = [
    ['https://www.nationaleombudsman.nl', true],
    ['http://intranet.gemeente.nl/a', true],
    ['mailto:privacy@gemeente.nl', true],
    ['tel:+31573123456', true],
    ['/privacy', true],
    ['//evil.example/x', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:x', false],
  ];
  it.each(hrefs)('link %s is safe: %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
    const parts = parseInline(`zie [hier](${href})`);
    expect(parts.some((p) => p.type === 'link')).toBe(safe);
    // An unsafe link keeps its text, never its target.
    if (!safe) expect(parts.slice(0, 2)).toEqual([{ type: 'text', text: 'zie ' }, { type: 'text', text: 'hier' }]);
  });

  it('keeps HTML as text (the client renders text nodes only)', () => {
    const blocks = parseSiteText('<img src=x onerror=alert(1)> <script>x</script>');
    expect(blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> <script>x</script>' }] }]);
  });

  it('fills known placeholders and leaves unknown ones', () => {
    expect(fillPlaceholders('{{name}} bewaart {{ retentionDays }} dagen {{onbekend}}', { name: 'Lochem', retentionDays: 730 })).toBe(
      'Lochem bewaart 730 dagen {{onbekend}}',
    );
  });
});

describe('themes use real NL Design System tokens', () => {
  // The design tokens of @utrecht/design-tokens name every standard token; a typo in a
  // token name would silently fall back to the built-in value, so check the names.
  const require = createRequire(import.meta.url);
  const known = new Set(Object.keys(JSON.parse(fs.readFileSync(require.resolve('@utrecht/design-tokens/dist/index.flat.json'), 'utf8')) as object));
  const tokensIn = (file: string) => [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/--(utrecht-[a-z0-9-]+)/g)].map((m) => m[1]!))];
  // Component tokens that Utrecht's own theme leaves unset (they are defined by @utrecht/page-header-css).
  const componentOnly = new Set(['utrecht-page-header-background-color', 'utrecht-page-header-color']);
  const toCamel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const files = [
    'client/src/styles.css',
    ...fs.readdirSync('themes').map((t) => path.join('themes', t, 'theme.css')),
  ];

  it.each(files)('%s', (file) => {
    const tokens = tokensIn(file);
    expect(tokens.length).toBeGreaterThan(10);
    const unknown = tokens.filter((t) => !known.has(toCamel(t)) && !componentOnly.has(t));
    expect(unknown).toEqual([]);
  });

  it('every theme sets the same tokens as the client maps, light and dark', () => {
    const mapped = tokensIn('client/src/styles.css').sort();
    for (const theme of fs.readdirSync('themes')) {
      const css = fs.readFileSync(path.join('themes', theme, 'theme.css'), 'utf8');
      const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
      const lightTokens = tokensIn2(light!);
      expect(lightTokens, `${theme} (light)`).toEqual(mapped);
      // Dark mode may keep the font family.
      expect(tokensIn2(dark!), `${theme} (dark)`).toEqual(mapped.filter((t) => t !== 'utrecht-document-font-family'));
    }
    function tokensIn2(css: string) {
      return [...new Set([...css.matchAll(/--(utrecht-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!))].sort();
    }
  });
});
