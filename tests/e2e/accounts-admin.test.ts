import { describe, expect, it } from 'vitest';
import { ApiClient, facilitatorClient } from '../helpers/api';
import { expectAccessible } from '../helpers/axe';
import { browserSuite } from '../helpers/browserSuite';
import { eventually } from '../helpers/poll';

/**
 * The administrator's account panel on the dashboard, in Chromium: a colleague made a member
 * (action group, stuurgroep) with the keyboard, then switched off; the changes reach the server
 * and are announced; axe 0 on the page. A member who opens the dashboard is sent to the
 * knowledge centre.
 */
const suite = browserSuite();
const SHOTS = 'docs/screenshots';
const COLLEAGUE = { email: 'collega@lochem.nl', password: 'collega-wachtwoord' };

describe('account administration in the dashboard', () => {
  it('changes a colleague to member with the keyboard, switches the account off, and passes axe', async () => {
    const { server } = suite;
    const admin = await facilitatorClient(server.url);
    const invite = await admin.post<{ inviteUrl: string }>('/api/invites', { email: COLLEAGUE.email });
    const colleague = new ApiClient(server.url);
    await colleague.post('/api/invites/accept', { token: invite.body.inviteUrl.split('#')[1], name: 'Carla Collega', password: COLLEAGUE.password });

    const page = await suite.open({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
    await page.context().addCookies([{ name: 'rb_session', value: admin.cookie.split('=')[1]!, url: server.url }]);
    await page.goto(`${server.url}/begeleider`);
    const panel = page.getByRole('region', { name: 'Accounts' });
    await panel.waitFor();
    const roles = panel.getByRole('group', { name: 'Rollen van Carla Collega' });
    // An invited account may facilitate, nothing more (least privilege).
    expect(await roles.getByRole('checkbox', { name: 'Begeleider' }).isChecked()).toBe(true);
    expect(await roles.getByRole('checkbox', { name: 'Beheerder' }).isChecked()).toBe(false);
    // Only the keyboard: tab to a checkbox, space toggles it, then the save button.
    await roles.getByRole('checkbox', { name: 'Begeleider' }).focus();
    await page.keyboard.press('Space');
    await roles.getByRole('checkbox', { name: 'Lid (actiegroep, stuurgroep)' }).focus();
    await page.keyboard.press('Space');
    await roles.getByRole('button', { name: 'Rollen opslaan' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await panel.getByRole('status').innerText()).toBe('De wijziging voor Carla Collega is opgeslagen.'));
    expect((await colleague.get<{ account: { roles: string[] } }>('/api/me')).body.account.roles).toEqual(['member']);
    // Own administrator role cannot be taken away here.
    const own = panel.getByRole('group', { name: 'Rollen van Fenna Begeleider' });
    expect(await own.getByRole('checkbox', { name: 'Beheerder' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'dashboard with the account panel');
    await panel.screenshot({ path: `${SHOTS}/accounts-panel-laptop.png` });

    await panel.getByRole('button', { name: /^Uitzetten\s?: Carla Collega$/ }).click();
    await panel.getByText('Uitgezet').waitFor();
    await eventually(async () => expect((await colleague.get('/api/me')).status).toBe(401));
    expect(await panel.getByRole('button', { name: /Uitzetten\s?: Fenna Begeleider/ }).count()).toBe(0);
  });

  it('sends a member who opens the dashboard to the knowledge centre, where they can log out', async () => {
    const { server } = suite;
    const admin = await facilitatorClient(server.url);
    const list = await admin.get<{ accounts: { id: string; email: string }[] }>('/api/accounts');
    const colleague = list.body.accounts.find((a) => a.email === COLLEAGUE.email)!;
    await admin.request('PATCH', `/api/accounts/${colleague.id}`, { disabled: false });
    const member = new ApiClient(server.url);
    expect((await member.post('/api/login', COLLEAGUE)).status).toBe(200);
    const page = await suite.open({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    await page.context().addCookies([{ name: 'rb_session', value: member.cookie.split('=')[1]!, url: server.url }]);
    await page.goto(`${server.url}/begeleider`);
    await page.waitForURL(`${server.url}/kenniscentrum`);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${server.url}/inloggen`);
    expect((await member.get('/api/me')).status).toBe(401);
  });
});
