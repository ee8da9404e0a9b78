import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { cardsOf, readCards, type CardView } from '../../../shared/board';

export type SyncState = 'synced' | 'connecting' | 'offline';
type ProviderStatus = 'connected' | 'disconnected' | 'connecting';

export interface BoardDoc {
  doc: Y.Doc;
  cards: CardView[];
  sync: SyncState;
  /** True once the first full sync with the server is done (the board is complete). */
  loaded: boolean;
  /** The server closed the board for good with this code (4400–4499, e.g. 4411: workshop deleted); no reconnecting. */
  closedCode: number | null;
}

function yjsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * The workshop's board document, synced with y-websocket.
 * Local changes are applied at once and sent when the connection is there;
 * after a reconnect the sync protocol sends whatever the server missed.
 * `token` is the participant or screen token; facilitators pass null (cookie).
 */
export function useBoardDoc(workshopId: string, token: string | null, enabled = true): BoardDoc {
  // One document per mounted view; views are keyed by workshop id, so a new id gets a new doc.
  const [doc] = useState(() => new Y.Doc());
  const [cards, setCards] = useState<CardView[]>([]);
  const [status, setStatus] = useState<ProviderStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [closedCode, setClosedCode] = useState<number | null>(null);
  const online = useOnline();

  useEffect(() => {
    const cardsMap = cardsOf(doc);
    const refresh = () => setCards(readCards(doc));
    refresh();
    cardsMap.observeDeep(refresh);
    return () => cardsMap.unobserveDeep(refresh);
  }, [doc]);

  useEffect(() => {
    if (!enabled) return;
    const provider = new WebsocketProvider(yjsUrl(), workshopId, doc, {
      params: token ? { token } : {},
      // Tabs talk through the server only, so "saved" always means: the server has it.
      disableBc: true,
    });
    // Presence goes through socket.io; no awareness traffic from hundreds of phones.
    provider.awareness.setLocalState(null);
    const onStatus = (e: { status: ProviderStatus }) => setStatus(e.status);
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced);
      if (isSynced) setLoaded(true);
    };
    // A close code in 4400–4499 is final: y-websocket stops reconnecting and tells us why.
    const onClosed = (e: { code: number }) => setClosedCode(e.code);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      setStatus('connecting');
      setSynced(false);
    };
  }, [doc, workshopId, token, enabled]);

  let sync: SyncState;
  if (!online) sync = 'offline';
  else if (status === 'connected' && synced) sync = 'synced';
  else if (loaded && status !== 'connected') sync = 'offline';
  else sync = 'connecting';

  return { doc, cards, sync, loaded, closedCode };
}
