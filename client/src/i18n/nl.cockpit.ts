/**
 * Dutch texts for running a workshop: the cockpit (the facilitator's fixed control
 * bar and task tabs), the shared screen's pages, titles of copies and imports.
 * Loaded with those views (i18n/cockpit.ts), never on a phone. B1, "je".
 */
export const nlCockpit = {
  'cockpit.voting.closed': 'Stemmen gesloten',
  'cockpit.voting.open': 'Stemmen open',
  'cockpit.voting.close': 'Stemmen sluiten',
  'cockpit.voting.reopen': 'Stemmen heropenen',
  'cockpit.voting.reopenQuestion': 'Stemmen heropenen? Deelnemers kunnen dan weer stemmen en de uitslag kan veranderen.',
  'cockpit.voting.reopenConfirm': 'Ja, heropenen',
  'cockpit.screen.finished': 'Deze werksessie is afgerond. Bedankt voor het meedoen!',
  'cockpit.variants': 'Ook verwoord als ({count}):',
  'cockpit.copy.formName': 'Kopie maken van „{title}”',
  'cockpit.copy.title': 'Titel van de kopie',
  'cockpit.copy.submit': 'Kopie maken',
  'cockpit.origin.copy': 'Kopie van „{title}”',
  'cockpit.origin.import': 'Geïmporteerd uit „{title}”',
  'cockpit.import.title': 'Titel van de werksessie',
  'cockpit.import.titleHint': 'Kies een titel waaraan je deze werksessie herkent.',
  'cockpit.rename.title': 'Titel van de werksessie',
  'cockpit.rename.submit': 'Titel opslaan',
  'cockpit.rename.done': 'De titel is opgeslagen.',
} as const;
