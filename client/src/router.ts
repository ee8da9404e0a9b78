import { useSyncExternalStore } from 'react';
import type { SitePageName } from '../../shared/site';

/**
 * A tiny router: the pathname decides the view. Navigation uses
 * history.pushState and tells the subscribers; popstate covers back/forward.
 */
const NAVIGATE_EVENT = 'regiebord:navigate';

export type Route =
  | { name: 'home' }
  | { name: 'join' }
  | { name: 'login' }
  | { name: 'invite' }
  | { name: 'dashboard' }
  | { name: 'facilitator'; id: string }
  | { name: 'screen'; id: string }
  | { name: 'participant'; id: string }
  | { name: 'knowledge'; section: KnowledgeSection; id?: string }
  | { name: 'report'; id: string }
  | { name: 'owner' }
  | { name: 'progressPage'; token: string | null }
  | { name: 'sitePage'; page: SitePageName }
  | { name: 'notFound' };

/** The parts of the knowledge centre (/kenniscentrum/...). */
export type KnowledgeSection = 'workshops' | 'search' | 'register' | 'entry' | 'ledger' | 'tracker' | 'progress';

const ID = '([a-z0-9]{8,32})';
const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/doe-mee\/?$/, () => ({ name: 'join' })],
  [/^\/inloggen\/?$/, () => ({ name: 'login' })],
  [/^\/uitnodiging\/?$/, () => ({ name: 'invite' })],
  [/^\/begeleider\/?$/, () => ({ name: 'dashboard' })],
  [new RegExp(`^/begeleider/w/${ID}/?$`), (m) => ({ name: 'facilitator', id: m[1]! })],
  [new RegExp(`^/scherm/${ID}/?$`), (m) => ({ name: 'screen', id: m[1]! })],
  [new RegExp(`^/w/${ID}/?$`), (m) => ({ name: 'participant', id: m[1]! })],
  [/^\/kenniscentrum\/?$/, () => ({ name: 'knowledge', section: 'workshops' })],
  [/^\/kenniscentrum\/zoeken\/?$/, () => ({ name: 'knowledge', section: 'search' })],
  [/^\/kenniscentrum\/register\/?$/, () => ({ name: 'knowledge', section: 'register' })],
  [new RegExp(`^/kenniscentrum/register/${ID}/?$`), (m) => ({ name: 'knowledge', section: 'entry', id: m[1]! })],
  [/^\/kenniscentrum\/drempels\/?$/, () => ({ name: 'knowledge', section: 'ledger' })],
  [/^\/kenniscentrum\/voorstellen\/?$/, () => ({ name: 'knowledge', section: 'tracker' })],
  [new RegExp(`^/rapport/${ID}/?$`), (m) => ({ name: 'report', id: m[1]! })],
  // An action owner's page; the token is in the fragment (/actie#a.…).
  [/^\/actie\/?$/, () => ({ name: 'owner' })],
  [/^\/kenniscentrum\/voortgang\/?$/, () => ({ name: 'knowledge', section: 'progress' })],
  // The organisation's progress page: for every signed-in employee, or under a secret link.
  [/^\/voortgang\/organisatie\/?$/, () => ({ name: 'progressPage', token: null })],
  [/^\/voortgang\/(v\.[A-Za-z0-9_-]{43})\/?$/, (m) => ({ name: 'progressPage', token: m[1]! })],
  // The accessibility statement and the privacy page (texts configurable on the server).
  [/^\/(toegankelijkheid|privacy)\/?$/, (m) => ({ name: 'sitePage', page: m[1] as SitePageName })],
];

export function matchRoute(pathname: string): Route {
  for (const [re, make] of patterns) {
    const m = pathname.match(re);
    if (m) return make(m);
  }
  return { name: 'notFound' };
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(NAVIGATE_EVENT, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(NAVIGATE_EVENT, fn);
  };
}

const getPathname = () => location.pathname;

/** The current pathname; re-renders on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

const getSearch = () => location.search;

/** The query string of the current URL (with its "?"); re-renders when it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

/** Query parameter of the current URL. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/** To the login page, and back to `back` after logging in. */
export function goToLogin(back: string): void {
  navigate(`/inloggen?terug=${encodeURIComponent(back)}`, { replace: true });
}
