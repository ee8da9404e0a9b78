import { addMessages } from '.';
import { enFollowUp } from './en.followUp';
import { nlFollowUp } from './nl.followUp';

/**
 * Texts of what follows a workshop (owner page, tracker follow-up, progress
 * report, organisation page). Imported by those views, so a phone on /w/…
 * never downloads them.
 */
addMessages(nlFollowUp, enFollowUp);
