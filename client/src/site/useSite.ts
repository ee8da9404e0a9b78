import { useSyncExternalStore } from 'react';
import type { SiteInfo } from '../../../shared/site';
import { api } from '../api';

/**
 * Who offers this Regiebord (GET /api/site): name, logo, contact, retention.
 * Fetched once per page load; until it arrives (or when it fails) the built-in
 * name is shown and no logo.
 */
const FALLBACK: SiteInfo = {
  name: 'Regiebord',
  theme: 'default',
  logoUrl: null,
  contact: { name: '', email: '', phone: '', url: '' },
  retentionDays: 0,
};

let current: SiteInfo = FALLBACK;
let requested = false;
const listeners = new Set<() => void>();

function load(): void {
  if (requested) return;
  requested = true;
  api<SiteInfo>('/api/site').then(
    (info) => {
      current = info;
      for (const fn of listeners) fn();
    },
    () => undefined, // Keep the fallback: the site name is not worth an error message.
  );
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  load();
  return () => listeners.delete(fn);
}

export function useSite(): SiteInfo {
  return useSyncExternalStore(subscribe, () => current);
}
