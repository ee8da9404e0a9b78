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
};
