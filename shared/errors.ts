/**
 * Named error codes shared by server and client. Every REST error body and every
 * socket.io ack error carries one of these codes plus a human message.
 * The client shows its own translation of the code; the server message is for
 * integrations and logs.
 */
export const ERROR_MESSAGES = {
  INVALID_PAYLOAD: {
    nl: 'De gegevens kloppen niet.',
    en: 'The data is not valid.',
  },
  UNAUTHENTICATED: {
    nl: 'Log eerst in of doe mee met een code.',
    en: 'Log in first, or join with a code.',
  },
  NOT_ALLOWED: {
    nl: 'Dat mag u hier niet doen.',
    en: 'You are not allowed to do that here.',
  },
  NOT_FOUND: {
    nl: 'Dat hebben we niet gevonden.',
    en: 'We could not find that.',
  },
  UNKNOWN_CODE: {
    nl: 'Deze code kennen we niet. Kijk goed naar het scherm en probeer het opnieuw.',
    en: 'We do not know this code. Check the screen and try again.',
  },
  SETUP_DONE: {
    nl: 'Er is al een begeleider-account. Log in.',
    en: 'A facilitator account already exists. Please log in.',
  },
  INVALID_CREDENTIALS: {
    nl: 'E-mailadres of wachtwoord klopt niet.',
    en: 'E-mail address or password is not correct.',
  },
  EMAIL_TAKEN: {
    nl: 'Er is al een account met dit e-mailadres.',
    en: 'An account with this e-mail address already exists.',
  },
  INVITE_INVALID: {
    nl: 'Deze uitnodiging is niet (meer) geldig.',
    en: 'This invitation is not valid (any more).',
  },
  RATE_LIMITED: {
    nl: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    en: 'Too many attempts. Please wait a moment and try again.',
  },
  FORBIDDEN_ORIGIN: {
    nl: 'Dit verzoek komt van een andere website en is geweigerd.',
    en: 'This request comes from another website and was refused.',
  },
  PROTOCOL_MISMATCH: {
    nl: 'Deze pagina is verouderd. Laad de pagina opnieuw.',
    en: 'This page is out of date. Please reload.',
  },
  PAYLOAD_TOO_LARGE: {
    nl: 'Dit bericht is te groot.',
    en: 'This message is too large.',
  },
  UNKNOWN_EVENT: {
    nl: 'Onbekende opdracht.',
    en: 'Unknown command.',
  },
  PHASE_NOT_ALLOWED: {
    nl: 'Dat kan nu niet. De begeleider heeft een andere stap gekozen.',
    en: 'You cannot do that now. The facilitator has chosen another step.',
  },
  MOVED_MEANWHILE: {
    nl: 'Iemand anders heeft deze kaart intussen verplaatst.',
    en: 'Someone else has moved this card in the meantime.',
  },
  BOARD_LOCKED: {
    nl: 'Het bord is even op slot. Wacht op de begeleider.',
    en: 'The board is locked for now. Wait for the facilitator.',
  },
  BUDGET_EXHAUSTED: {
    nl: 'Je hebt al je stemmen gebruikt. Haal eerst een stem weg.',
    en: 'You have used all your votes. Remove a vote first.',
  },
  CAP_REACHED: {
    nl: 'Je hebt het hoogste aantal stemmen op deze drempel al gegeven.',
    en: 'You have already given the most votes allowed on this barrier.',
  },
  NO_VOTE_TO_RETRACT: {
    nl: 'Je hebt geen stem op deze drempel om weg te halen.',
    en: 'You have no vote on this barrier to remove.',
  },
  VOTING_CLOSED: {
    nl: 'Het stemmen is gesloten. De uitslag staat vast.',
    en: 'Voting is closed. The result is final.',
  },
  ROUND_CLOSED: {
    nl: 'Deze plaatsingsronde is gesloten.',
    en: 'This placement round is closed.',
  },
  PARTICIPANT_REMOVED: {
    nl: 'De begeleider heeft je uit deze werksessie gehaald.',
    en: 'The facilitator has removed you from this workshop.',
  },
  LIMIT_REACHED: {
    nl: 'Het maximum is bereikt.',
    en: 'The limit has been reached.',
  },
  WORKSHOP_FINISHED: {
    nl: 'Deze werksessie is afgerond. Meedoen of iets veranderen kan niet meer.',
    en: 'This workshop has been closed. Joining or changing anything is no longer possible.',
  },
  WORKSHOP_DELETED: {
    nl: 'Deze werksessie is verwijderd.',
    en: 'This workshop has been deleted.',
  },
  CONFIRMATION_NEEDED: {
    nl: 'De titel klopt nog niet. Typ de titel van de werksessie over zoals hij er staat; streepjes, spaties en hoofdletters maken niet uit.',
    en: 'The title does not match yet. Type the title of the workshop as shown; dashes, spaces and capitals do not matter.',
  },
  LOCAL_ACCOUNTS_DISABLED: {
    nl: 'Inloggen met een wachtwoord staat uit. Log in met het account van je organisatie.',
    en: "Signing in with a password is switched off. Sign in with your organisation's account.",
  },
  ACCOUNT_DISABLED: {
    nl: 'Dit account staat uit. Vraag je beheerder om het weer aan te zetten.',
    en: 'This account is switched off. Ask your administrator to switch it on again.',
  },
  ROLES_MANAGED_BY_PROVIDER: {
    nl: 'De rollen van dit account komen van het inlogsysteem van de organisatie. Wijzig ze daar.',
    en: "This account's roles come from the organisation's sign-in system. Change them there.",
  },
  OWN_ACCOUNT: {
    nl: 'Je eigen account kun je niet uitzetten en je eigen beheerrol niet afnemen.',
    en: 'You cannot switch off your own account or take away your own administrator role.',
  },
  OIDC_NOT_CONFIGURED: {
    nl: 'Inloggen met het account van de organisatie is niet ingesteld.',
    en: "Signing in with the organisation's account is not set up.",
  },
  OIDC_STATE_INVALID: {
    nl: 'Het inloggen is verlopen of niet hier begonnen. Probeer het opnieuw.',
    en: 'The sign-in expired or did not start here. Please try again.',
  },
  OIDC_CODE_INVALID: {
    nl: 'De inlogcode is niet (meer) geldig. Probeer het opnieuw.',
    en: 'The sign-in code is not valid (any more). Please try again.',
  },
  OIDC_ID_TOKEN_INVALID: {
    nl: 'Het bewijs van inloggen klopt niet. Probeer het opnieuw.',
    en: 'The proof of sign-in is not valid. Please try again.',
  },
  OIDC_NOT_ALLOWED: {
    nl: 'Je account mag Regiebord niet gebruiken. Vraag je beheerder om toegang.',
    en: 'Your account may not use Regiebord. Ask your administrator for access.',
  },
  OIDC_PROVIDER_ERROR: {
    nl: 'Het inloggen bij je organisatie is niet gelukt. Probeer het later opnieuw.',
    en: 'Signing in with your organisation failed. Please try again later.',
  },
  INTERNAL: {
    nl: 'Er ging iets mis op de server. Probeer het opnieuw.',
    en: 'Something went wrong on the server. Please try again.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Language = 'nl' | 'en';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export function errorBody(code: ErrorCode, lang: Language = 'nl', detail?: string): ErrorBody {
  const base = ERROR_MESSAGES[code][lang];
  return { code, message: detail ? `${base} (${detail})` : base };
}

/**
 * WebSocket close codes in the 4000–4999 application range, modelled on HTTP
 * status codes so they read well in logs (Hocuspocus does the same).
 */
export const CLOSE_CODES = {
  BAD_MESSAGE: 4400,
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  PARTICIPANT_REMOVED: 4410,
  /** The workshop was deleted (hard delete or retention). */
  WORKSHOP_DELETED: 4411,
  RATE_LIMITED: 4429,
  SERVER_SHUTDOWN: 4503,
} as const;
