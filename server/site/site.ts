import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { fillPlaceholders, isSitePage, type SiteContact, type SiteInfo, type SiteLang, type SitePageText } from '../../shared/site';
import type { ServerConfig } from '../config';
import { HttpError } from '../http/errors';

/**
 * The site around the workshops: name, theme and logo, contact, and the texts of the
 * accessibility statement and the privacy page. A municipality overrides a text by
 * putting DATA_DIR/site/<page>.<lang>.md next to its data; otherwise the built-in
 * text from defaults/ is used. Placeholders: {{name}}, {{retentionDays}}, {{contact}}.
 */
const DEFAULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'defaults');
const LOGO_FILES = ['logo.svg', 'logo.png'] as const;

/** Fails at start-up, with the path, when the configured theme is not there. */
export function checkTheme(config: ServerConfig): void {
  const css = path.join(config.site.themeDir, 'theme.css');
  if (!fs.existsSync(css)) throw new Error(`Theme not found: ${css} is missing (THEME=${config.site.themeDir}).`);
}

export function siteInfo(config: ServerConfig): SiteInfo {
  const logo = LOGO_FILES.find((f) => fs.existsSync(path.join(config.site.themeDir, f)));
  return {
    name: config.site.name,
    theme: path.basename(config.site.themeDir),
    logoUrl: logo ? `/theme/${logo}` : null,
    contact: config.site.contact,
    retentionDays: config.retentionDays,
  };
}

const CONTACT_LABELS = {
  nl: { email: 'E-mail', phone: 'Telefoon', url: 'Website', none: 'de organisatie die deze Regiebord aanbiedt. (De beheerder heeft nog geen contactgegevens ingesteld.)' },
  en: { email: 'Email', phone: 'Phone', url: 'Website', none: 'the organisation that offers this Regiebord. (The administrator has not set contact details yet.)' },
} as const;

/** The contact as a list in the page's text format. */
export function contactText(contact: SiteContact, lang: SiteLang): string {
  const l = CONTACT_LABELS[lang];
  const lines = [
    contact.name && `- ${contact.name}`,
    contact.email && `- ${l.email}: [${contact.email}](mailto:${contact.email})`,
    contact.phone && `- ${l.phone}: [${contact.phone}](tel:${contact.phone.replace(/[^+\d]/g, '')})`,
    contact.url && `- ${l.url}: [${contact.url}](${contact.url})`,
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : `- ${l.none}`;
}

function readText(dir: string, file: string): string | null {
  try {
    return fs.readFileSync(path.join(dir, file), 'utf8');
  } catch {
    return null;
  }
}

/** GET /api/site and GET /api/site/pages/:name?lang=nl|en (public, no personal data). */
export function createSiteRouter(config: ServerConfig): Router {
  const router = express.Router();
  const customDir = path.join(config.dataDir, 'site');

  router.get('/site', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(siteInfo(config));
  });

  router.get('/site/pages/:name', (req, res) => {
    const page = req.params.name;
    if (!isSitePage(page)) throw new HttpError(404, 'NOT_FOUND');
    const lang: SiteLang = req.query.lang === 'en' ? 'en' : 'nl';
    const file = `${page}.${lang}.md`;
    const custom = readText(customDir, file);
    const source = custom ?? readText(DEFAULTS_DIR, file);
    if (source === null) throw new HttpError(404, 'NOT_FOUND');
    const body: SitePageText = {
      page,
      lang,
      custom: custom !== null,
      text: fillPlaceholders(source, {
        name: config.site.name,
        retentionDays: config.retentionDays,
        contact: contactText(config.site.contact, lang),
      }),
    };
    res.setHeader('Cache-Control', 'no-cache');
    res.json(body);
  });

  return router;
}

/** The theme's files (theme.css, logo), same-origin, revalidated so a new theme shows at once. */
export function themeFiles(config: ServerConfig): express.Handler {
  return express.static(config.site.themeDir, {
    index: false,
    dotfiles: 'ignore',
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
}
