import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * Are this client's board changes stored on the server yet?
 *
 * y-websocket has no acknowledgements, but the server answers every sync step 1 with a
 * step 2, in order, and only after everything it received before is stored
 * (docs/architecture.md, "stored before broadcast"). So after a local change the client
 * sends a step 1 of its own (a probe); when the answer to that probe arrives, the change
 * is stored. Answers are counted per connection: the provider's own step 1 on opening
 * is the first, unanswered, one.
 */
export class SaveTracker {
  /** Local changes the server has not confirmed yet. */
  unsaved = false;
  private sent = 0;
  private answered = 0;
  /** The answer number that confirms the latest change (Infinity: a new probe is needed). */
  private confirmAt = Infinity;

  /** A new connection: the provider has just sent its own step 1. */
  connected(): void {
    this.sent = 1;
    this.answered = 0;
    this.confirmAt = Infinity;
  }

  /** A change made here (not one received from the server). */
  changed(): void {
    this.unsaved = true;
    this.confirmAt = Infinity;
  }

  /** A probe went out after the changes so far. */
  probeSent(): void {
    this.sent++;
    if (this.unsaved && this.confirmAt === Infinity) this.confirmAt = this.sent;
  }

  /** A sync step 2 arrived (an answer to the next step 1 in line). */
  answerReceived(): void {
    this.answered++;
    if (this.unsaved && this.answered >= this.confirmAt) {
      this.unsaved = false;
      this.confirmAt = Infinity;
    }
  }
}

/** What a board message from the server is: a sync step 1, step 2, update, or something else. */
export function syncMessageKind(data: Uint8Array): 'step1' | 'step2' | 'update' | 'other' {
  try {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return 'other';
    switch (decoding.readVarUint(decoder)) {
      case syncProtocol.messageYjsSyncStep1:
        return 'step1';
      case syncProtocol.messageYjsSyncStep2:
        return 'step2';
      case syncProtocol.messageYjsUpdate:
        return 'update';
      default:
        return 'other';
    }
  } catch {
    return 'other';
  }
}

/** The probe: a sync step 1 with this document's state vector. */
export function probeMessage(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}
