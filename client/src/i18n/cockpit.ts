import { addMessages } from '.';
import { enCockpit } from './en.cockpit';
import { nlCockpit } from './nl.cockpit';

/**
 * The facilitator's cockpit, the screen's paging and the dashboard's titles.
 * Imported by those views, so they travel in their chunks and never to a phone.
 */
addMessages(nlCockpit, enCockpit);
