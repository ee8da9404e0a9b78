import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { cardsOf, readCards, type CardView } from '../../../shared/board';
import { SaveTracker, probeMessage, syncMessageKind } from './saveTracker';
import { cardsTouched, keepBoard, loadUnsavedCards, saveUnsavedCards } from './offlineCopy';

/**
 * synced: connected and every change made here is stored on the server.
 * pending: connected, but a change made here is not confirmed yet.
 * connecting: the first connection is not there yet.
 * offline: no connection (changes made meanwhile are kept and sent later).
 */
export type SyncState = 'synced' | 'pending' | 'connecting' | 'offline';
/** After a change, wait this long for more (a drag sends many) before asking the server to confirm. */
const PROBE_DELAY_MS = 150;
type ProviderStatus = 'connected' | 'disconnected' | 'connecting';

export interface BoardDoc {
  doc: Y.Doc;
  cards: CardView[];
  sync: SyncState;
  /** True once the first full sync with the server is done (the board is complete). */
  loaded: boolean;
  /** The server closed the board for good with this code (4400–4499, e.g. 4411: workshop deleted); no reconnecting. */
  closedCode: number | null;
  /** Changes made here that the server has not confirmed as stored (also while offline). */
  unsaved: boolean;
  /** How many cards those changes touch (kept across a reload on a phone that keeps a copy). */
  unsavedCards: number;
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
export function useBoardDoc(workshopId: string, token: string | null, enabled = true, keepAs?: string): BoardDoc {
  // One document per mounted view; views are keyed by workshop id, so a new id gets a new doc.
  const [doc] = useState(() => new Y.Doc());
  const [cards, setCards] = useState<CardView[]>([]);
  const [status, setStatus] = useState<ProviderStatus>('connecting');
  const [synced, setSynced] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [closedCode, setClosedCode] = useState<number | null>(null);
  // Cards changed here and not confirmed yet; restored after a reload when the phone keeps a copy.
  const [changedCards] = useState(() => (keepAs ? loadUnsavedCards(keepAs) : new Set<string>()));
  const [unsaved, setUnsaved] = useState(() => changedCards.size > 0);
  const [unsavedCards, setUnsavedCards] = useState(changedCards.size);
  const online = useOnline();

  // The phone's own copy of the board (IndexedDB): a reload offline shows the board as it was.
  useEffect(() => {
    if (!keepAs) return;
    return keepBoard(keepAs, doc, (hadCopy) => {
      if (hadCopy) setLoaded(true);
    });
  }, [doc, keepAs]);

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

    // Is every change made here stored? (See SaveTracker.)
    const saves = new SaveTracker();
    // Changes restored from the phone's copy still wait for the server's confirmation.
    if (changedCards.size > 0) saves.changed();
    const noteSaved = () => {
      setUnsaved(saves.unsaved);
      if (saves.unsaved) return;
      changedCards.clear();
      setUnsavedCards(0);
      if (keepAs) saveUnsavedCards(keepAs, changedCards);
    };
    let socket: WebSocket | null = null;
    let probeTimer: number | undefined;
    const sendProbe = () => {
      window.clearTimeout(probeTimer);
      probeTimer = undefined;
      const ws = provider.ws;
      // Without a connection the probe goes out after the next sync (see onMessage).
      if (!ws || ws !== socket || ws.readyState !== WebSocket.OPEN) return;
      ws.send(probeMessage(doc) as Uint8Array<ArrayBuffer>);
      saves.probeSent();
    };
    const onMessage = (e: MessageEvent) => {
      if (!(e.data instanceof ArrayBuffer)) return;
      const kind = syncMessageKind(new Uint8Array(e.data));
      if (kind === 'step2') {
        saves.answerReceived();
        noteSaved();
      } else if (kind === 'step1' && saves.unsaved) {
        // The provider has just answered the server's step 1 with what the server lacks
        // (changes made offline); ask for confirmation after that.
        sendProbe();
      }
    };
    const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      // Only changes made here (not the server's, nor the phone's copy being restored).
      if (origin === provider || !tr.local) return;
      saves.changed();
      setUnsaved(true);
      window.clearTimeout(probeTimer);
      probeTimer = window.setTimeout(sendProbe, PROBE_DELAY_MS);
    };
    // Registered after the provider's own listener, so the change has been sent first.
    doc.on('update', onUpdate);
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) return;
      const before = changedCards.size;
      for (const id of cardsTouched(tr, doc)) changedCards.add(id);
      if (changedCards.size === before) return;
      setUnsavedCards(changedCards.size);
      if (keepAs) saveUnsavedCards(keepAs, changedCards);
    };
    doc.on('afterTransaction', onTransaction);

    const onStatus = (e: { status: ProviderStatus }) => {
      setStatus(e.status);
      if (e.status === 'connected' && provider.ws) {
        socket?.removeEventListener('message', onMessage);
        socket = provider.ws;
        socket.addEventListener('message', onMessage);
        saves.connected();
      }
    };
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
      window.clearTimeout(probeTimer);
      doc.off('update', onUpdate);
      doc.off('afterTransaction', onTransaction);
      socket?.removeEventListener('message', onMessage);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('closed', onClosed);
      provider.destroy();
      setStatus('connecting');
      setSynced(false);
    };
  }, [doc, workshopId, token, enabled, keepAs, changedCards]);

  let sync: SyncState;
  if (!online) sync = 'offline';
  else if (status === 'connected' && synced) sync = unsaved ? 'pending' : 'synced';
  else if (loaded && status !== 'connected') sync = 'offline';
  else sync = 'connecting';

  return { doc, cards, sync, loaded, closedCode, unsaved, unsavedCards };
}
