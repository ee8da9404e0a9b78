import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker, probeMessage, syncMessageKind } from '../../client/src/realtime/saveTracker';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

const message = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
};
const syncStep2Message = (doc: Y.Doc, sv: Uint8Array) => message((e) => syncProtocol.writeSyncStep2(e, doc, sv));
const updateMessage = (update: Uint8Array) => message((e) => syncProtocol.writeUpdate(e, update));

type Step = 'connect' | 'change' | 'probe' | 'answer';

/** A sequence of events on one client, and whether changes are unsaved after each. */
const cases: [name: string, steps: Step[], unsaved: boolean[]][] = [
  ['nothing changed', ['connect', 'answer'], [false, false]],
  ['a change, confirmed by the answer to its probe', ['connect', 'answer', 'change', 'probe', 'answer'], [false, false, true, true, false]],
  // The answer to the provider's own step 1 (sent on opening) does not confirm a later change.
  ['the first answer belongs to the opening step 1', ['connect', 'change', 'probe', 'answer', 'answer'], [false, true, true, true, false]],
  ['a change after the probe needs a new probe', ['connect', 'answer', 'change', 'probe', 'change', 'answer'], [false, false, true, true, true, true]],
  ['… which its own answer confirms', ['connect', 'answer', 'change', 'probe', 'change', 'probe', 'answer', 'answer'], [false, false, true, true, true, true, true, false]],
  ['offline changes wait for the next connection', ['change', 'change', 'connect', 'probe', 'answer'], [true, true, true, true, true]],
  ['… and its probe', ['change', 'connect', 'probe', 'answer', 'answer'], [true, true, true, true, false]],
  ['a lost connection: answers counted anew', ['connect', 'change', 'probe', 'connect', 'answer', 'answer'], [false, true, true, true, true, true]],
];

describe('SaveTracker: a change counts as saved when the server answered a probe sent after it', () => {
  it.each(cases)('%s', (_name, steps, expected) => {
    const tracker = new SaveTracker();
    const seen = steps.map((step) => {
      if (step === 'connect') tracker.connected();
      if (step === 'change') tracker.changed();
      if (step === 'probe') tracker.probeSent();
      if (step === 'answer') tracker.answerReceived();
      return tracker.unsaved;
    });
    expect(seen).toEqual(expected);
  });

  it('tells the server\'s messages apart, and builds a probe the server reads as step 1', () => {
    const doc = new Y.Doc();
    doc.getMap('cards').set('a', 1);
    expect(syncMessageKind(probeMessage(doc))).toBe('step1');
    expect(syncMessageKind(syncStep2Message(doc, Y.encodeStateVector(new Y.Doc())))).toBe('step2');
    expect(syncMessageKind(updateMessage(Y.encodeStateAsUpdate(doc)))).toBe('update');
    expect(syncMessageKind(new Uint8Array([1, 0]))).toBe('other');
    expect(syncMessageKind(new Uint8Array([]))).toBe('other');
  });
});
