import type { nlAccounts } from './nl.accounts';

/** English texts for signing in and the account list (see nl.accounts.ts). */
export const enAccounts: Record<keyof typeof nlAccounts, string> = {
  'login.sso': 'Sign in with {organisation}',
  'login.ssoIntro': 'Do you work at {organisation}? Then sign in with your work account.',
  'login.passwordTitle': 'Sign in with e-mail address and password',
  'login.failedTitle': 'Signing in did not work',
  'login.failedCode': 'Error code: {code}',
  'login.nothingOn': 'Signing in is not set up on this server. Ask your administrator for help.',
  'accounts.title': 'Accounts',
  'accounts.intro': 'Who may use Regiebord, and in which role.',
  'accounts.name': 'Name',
  'accounts.email': 'E-mail address',
  'accounts.roles': 'Roles',
  'accounts.status': 'Status',
  'accounts.actions': 'Change',
  'accounts.role.facilitator': 'Facilitator',
  'accounts.role.member': 'Member (action group, steering group)',
  'accounts.role.admin': 'Administrator',
  'accounts.managedByProvider': "Roles come from the organisation's sign-in system",
  'accounts.active': 'Active',
  'accounts.disabled': 'Switched off',
  'accounts.disable': 'Switch off',
  'accounts.enable': 'Switch on',
  'accounts.save': 'Save roles',
  'accounts.rolesFor': 'Roles of {name}',
  'accounts.saved': 'The change for {name} has been saved.',
};
