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
  // The design tokens of @utrecht/design-tokens name every standard token, and the Utrecht
  // component CSS we bundle (styles/nlds.css, styles/knowledge.css) names the component
  // tokens it reads; a typo in a token name would silently fall back, so check the names.
  const require = createRequire(import.meta.url);
  const tokensIn = (file: string) => [...new Set([...fs.readFileSync(file, 'utf8').matchAll(/--(utrecht-[a-z0-9-]*[a-z0-9])(?![a-z0-9-]*\*)/g)].map((m) => m[1]!))];
  const declaredIn = (css: string) => [...new Set([...css.matchAll(/--(utrecht-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!))].sort();
  const toCamel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const designTokens = new Set(Object.keys(JSON.parse(fs.readFileSync(require.resolve('@utrecht/design-tokens/dist/index.flat.json'), 'utf8')) as object));
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const componentPackages = Object.keys(pkg.dependencies).filter((name) => /^@utrecht\/.+-css$/.test(name));
  const readByComponents = new Set(componentPackages.flatMap((name) => tokensIn(require.resolve(`${name}/dist/index.css`))));
  const known = (token: string) => designTokens.has(toCamel(token)) || readByComponents.has(token);
  const files = [
    'client/src/styles.css',
    'client/src/styles/nlds.css',
    'client/src/styles/knowledge.css',
    ...fs.readdirSync('themes').map((t) => path.join('themes', t, 'theme.css')),
  ];

  it('the component packages are bundled', () => {
    expect(componentPackages.length).toBeGreaterThan(10);
    const imported = ['client/src/styles/nlds.css', 'client/src/styles/knowledge.css'].flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/@import '(@utrecht\/[a-z0-9-]+)\//g)].map((m) => m[1]!),
    );
    expect(imported.sort()).toEqual([...componentPackages].sort());
  });

  it.each(files)('%s', (file) => {
    const tokens = tokensIn(file);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.filter((t) => !known(t))).toEqual([]);
  });

  it('every component token with a default is read by a component', () => {
    const defaults = declaredIn(fs.readFileSync('client/src/styles/nlds.css', 'utf8'));
    expect(defaults.length).toBeGreaterThan(50);
    expect(defaults.filter((t) => !readByComponents.has(t))).toEqual([]);
  });

  it('every theme sets the tokens the client reads and the component tokens, colours light and dark', () => {
    // Base tokens read by Regiebord's own CSS, and the component tokens that have a default.
    const mapped = [...new Set([...tokensIn('client/src/styles.css'), ...declaredIn(fs.readFileSync('client/src/styles/nlds.css', 'utf8'))])].sort();
    for (const theme of fs.readdirSync('themes')) {
      const css = fs.readFileSync(path.join('themes', theme, 'theme.css'), 'utf8');
      const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
      expect(declaredIn(light!), `${theme} (light)`).toEqual(mapped);
      // Dark mode gives every colour a dark value; sizes and the font stay.
      expect(declaredIn(dark!), `${theme} (dark)`).toEqual(mapped.filter((t) => t.includes('color')));
    }
  });
});
