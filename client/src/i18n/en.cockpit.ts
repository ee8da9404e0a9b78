import type { nlCockpit } from './nl.cockpit';

/** English texts for the cockpit, the screen's pages and titles (see nl.cockpit.ts). */
export const enCockpit: Record<keyof typeof nlCockpit, string> = {
  'cockpit.voting.closed': 'Voting closed',
  'cockpit.voting.open': 'Voting open',
  'cockpit.voting.close': 'Close voting',
  'cockpit.voting.reopen': 'Reopen voting',
  'cockpit.voting.reopenQuestion': 'Reopen voting? Participants can vote again and the result may change.',
  'cockpit.voting.reopenConfirm': 'Yes, reopen',
  'cockpit.screen.finished': 'This workshop has been closed. Thank you for taking part!',
  'cockpit.variants': 'Also worded as ({count}):',
  'cockpit.copy.formName': 'Copy “{title}”',
  'cockpit.copy.title': 'Title of the copy',
  'cockpit.copy.submit': 'Make a copy',
  'cockpit.origin.copy': 'Copy of “{title}”',
  'cockpit.origin.import': 'Imported from “{title}”',
  'cockpit.import.title': 'Title of the workshop',
  'cockpit.import.titleHint': 'Choose a title by which you recognise this workshop.',
  'cockpit.rename.title': 'Title of the workshop',
  'cockpit.rename.submit': 'Save title',
  'cockpit.rename.done': 'The title has been saved.',
};
