import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The id of a record created by an action that carries an operation id (a barrier or proposal
 * the phone queued while offline). The same author, kind and opId always give the same id, so a
 * retry (after a timeout, a reconnect or a reload) finds the record it created the first time
 * instead of adding a second one; another author's opId can never reach it.
 */
export function idFromOp(workshopId: string, authorId: string, kind: 'barrier' | 'proposal', opId: string): string {
  const digest = createHash('sha256').update(`${workshopId}\u0000${authorId}\u0000${kind}\u0000${opId}`).digest();
  let id = '';
  for (let i = 0; i < 16; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}
