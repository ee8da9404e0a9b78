import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api';
import { startServer, type TestServer } from '../helpers/server';
import type { SiteInfo, SitePageText } from '../../shared/site';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('site: name, theme, contact, retention, and the configurable pages', () => {
  it('serves the defaults: site info, the default theme, built-in texts in both languages', async () => {
    server = await startServer();
    const api = new ApiClient(server.url);
    const info = await api.get<SiteInfo>('/api/site');
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      name: 'Regiebord',
      theme: 'default',
      logoUrl: null,
      contact: { name: '', email: '', phone: '', url: '' },
      retentionDays: 730,
    });
    const css = await fetch(`${server.url}/theme/theme.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toContain('--utrecht-button-primary-action-background-color');
    // Same CSP on theme files as everywhere.
    expect(css.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${server.url}/theme/nope.css`)).status).toBe(404);
    // No way out of the theme folder (an encoded slash; a plain "../" is resolved by the URL itself).
    for (const escape of ['..%2fpackage.json', '..%2f..%2fpackage.json', '%2e%2e%2fpackage.json']) {
      const res = await fetch(`${server.url}/theme/${escape}`);
      expect(res.status, escape).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('"name": "regiebord"');
    }

    const nl = await api.get<SitePageText>('/api/site/pages/privacy?lang=nl');
    expect(nl.body).toMatchObject({ page: 'privacy', lang: 'nl', custom: false });
    expect(nl.body.text).toContain('# Privacyverklaring');
    expect(nl.body.text).toContain('730 dagen');
    expect(nl.body.text).not.toMatch(/\{\{/);
    const en = await api.get<SitePageText>('/api/site/pages/toegankelijkheid?lang=en');
    expect(en.body.text).toContain('# Accessibility statement');
    expect(en.body.text).toContain('WCAG 2.1');
    expect((await api.get('/api/site/pages/geheim')).status).toBe(404);
  });

  it('uses the configured theme, name, contact and retention, and a municipality\'s own texts', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'regiebord-site-'));
    fs.mkdirSync(path.join(dataDir, 'site'));
    fs.writeFileSync(path.join(dataDir, 'site', 'privacy.nl.md'), '# Privacy bij {{name}}\n\nWe bewaren {{retentionDays}} dagen.\n\n{{contact}}\n');
    server = await startServer({
      dataDir,
      retentionDays: 365,
      site: { name: 'Regiebord Gemeente Voorbeeld', themeDir: path.resolve('themes/voorbeeld'), contact: { email: 'privacy@voorbeeld.nl' } },
    });
    const api = new ApiClient(server.url);
    const info = await api.get<SiteInfo>('/api/site');
    expect(info.body).toMatchObject({ name: 'Regiebord Gemeente Voorbeeld', theme: 'voorbeeld', logoUrl: '/theme/logo.svg', retentionDays: 365 });
    expect(info.body.contact.email).toBe('privacy@voorbeeld.nl');
    const logo = await fetch(server.url + info.body.logoUrl!);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/image\/svg\+xml/);

    const custom = await api.get<SitePageText>('/api/site/pages/privacy?lang=nl');
    expect(custom.body.custom).toBe(true);
    expect(custom.body.text).toBe('# Privacy bij Regiebord Gemeente Voorbeeld\n\nWe bewaren 365 dagen.\n\n- E-mail: [privacy@voorbeeld.nl](mailto:privacy@voorbeeld.nl)\n');
    // English has no override: the built-in text, with the same settings.
    const en = await api.get<SitePageText>('/api/site/pages/privacy?lang=en');
    expect(en.body.custom).toBe(false);
    expect(en.body.text).toContain('365 days');
    expect(en.body.text).toContain('mailto:privacy@voorbeeld.nl');
  });

  it('refuses to start with a theme that is not there', async () => {
    await expect(startServer({ site: { themeDir: path.resolve('themes/bestaat-niet') } })).rejects.toThrow(/Theme not found/);
  });
});
