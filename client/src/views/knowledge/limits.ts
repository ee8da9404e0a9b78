import type { CardKind } from '../../../../shared/board';

/**
 * The card limits of shared/board.ts, repeated here because that module
 * imports Yjs: importing a value from it would put Yjs in the knowledge
 * centre's chunk. tests/unit/knowledge-client.test.ts checks they are equal.
 */
export const CARD_KINDS: readonly CardKind[] = ['domain', 'project'];
export const CARD_TITLE_MAX = 120;
export const CARD_TEXT_MAX = 600;
