/**
 * The y-websocket protocol's frames, as the server writes them: the first
 * varuint is the message type, then y-protocols' sync or awareness encoding.
 */
import type * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';

/** y-websocket message types (the first varuint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: our state vector, asking the client for what we miss. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));
}

/** Sync step 2: what the client misses, given its state vector. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, doc, stateVector));
}

/** Sync step 2 made of an update already encoded (the whole document, for a client that has nothing). */
export function syncStep2FromUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A change, broadcast to the room. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)));
}
