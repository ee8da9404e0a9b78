/**
 * Dutch texts for signing in (password and the organisation's own accounts through OpenID
 * Connect) and for the administrator's account list. Loaded with the login page and the
 * dashboard (i18n/accounts.ts), never on a phone. B1, "je".
 */
export const nlAccounts = {
  'login.sso': 'Inloggen met {organisation}',
  'login.ssoIntro': 'Werk je bij {organisation}? Log dan in met je account van het werk.',
  'login.passwordTitle': 'Inloggen met e-mailadres en wachtwoord',
  'login.failedTitle': 'Inloggen is niet gelukt',
  'login.failedCode': 'Foutcode: {code}',
  'login.nothingOn': 'Inloggen is op deze server niet ingesteld. Vraag je beheerder om hulp.',
  'accounts.title': 'Accounts',
  'accounts.intro': 'Wie Regiebord mag gebruiken, en met welke rol.',
  'accounts.name': 'Naam',
  'accounts.email': 'E-mailadres',
  'accounts.roles': 'Rollen',
  'accounts.status': 'Status',
  'accounts.actions': 'Wijzigen',
  'accounts.role.facilitator': 'Begeleider',
  'accounts.role.member': 'Lid (actiegroep, stuurgroep)',
  'accounts.role.admin': 'Beheerder',
  'accounts.managedByProvider': 'Rollen komen van het inlogsysteem van de organisatie',
  'accounts.active': 'Actief',
  'accounts.disabled': 'Uitgezet',
  'accounts.disable': 'Uitzetten',
  'accounts.enable': 'Aanzetten',
  'accounts.save': 'Rollen opslaan',
  'accounts.rolesFor': 'Rollen van {name}',
  'accounts.saved': 'De wijziging voor {name} is opgeslagen.',
} as const;
