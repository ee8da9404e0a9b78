import { createContext } from 'react';
import type { BoardProps } from './Board';

/**
 * How a page wants its boards drawn, without threading it through every component between the
 * page and the Board (the facilitator's page sets it around its Workspace): the screen's label
 * layout, and which Koers arrows to show. Props given to a Board directly win.
 */
export type BoardView = Pick<BoardProps, 'declutter' | 'trajectoryIds' | 'focusId'>;

export const BoardViewContext = createContext<BoardView>({});
