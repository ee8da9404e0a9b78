import { addMessages } from '.';
import { enAccounts } from './en.accounts';
import { nlAccounts } from './nl.accounts';

/**
 * Signing in and the account list. Imported by the login page and the dashboard, so they travel
 * in those chunks and never to a phone.
 */
addMessages(nlAccounts, enAccounts);
