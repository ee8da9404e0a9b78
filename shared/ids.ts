/**
 * Branded ids: a WorkshopId cannot be passed where a CardId is expected.
 * At runtime they are plain strings.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type WorkshopId = Brand<string, 'WorkshopId'>;
export type CardId = Brand<string, 'CardId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type AccountId = Brand<string, 'AccountId'>;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Same shape for every id: lowercase letters and digits, safe in URLs and paths. */
export const ID_PATTERN = /^[a-z0-9]{8,32}$/;

/** Random id from the Web Crypto API (available in browsers and in Node 20). */
export function randomId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  // 252 = 7 * 36: reject bytes above it so every character is equally likely.
  for (let i = 0; out.length < length; i++) {
    if (i >= bytes.length) {
      globalThis.crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i]!;
    if (b < 252) out += ID_ALPHABET[b % 36];
  }
  return out;
}
