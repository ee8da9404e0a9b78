import { addMessages } from '.';
import { enKnowledge } from './en.knowledge';
import { nlKnowledge } from './nl.knowledge';

/**
 * The knowledge centre's and the report's texts. Imported by those views, so
 * they travel in their chunks and never to a phone.
 */
addMessages(nlKnowledge, enKnowledge);
