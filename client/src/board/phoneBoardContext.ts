import { createContext } from 'react';

/**
 * Set by the phone's board (views/participant/PhoneBoard): the board zooms, and the card list
 * shows the cards added on this phone first (kept under `myCardsKey`). Null on other boards.
 */
export const PhoneBoardContext = createContext<{ myCardsKey: string } | null>(null);
