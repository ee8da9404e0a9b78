/** The part of the `hyphen` package (CommonJS, no types of its own) that the board uses. */
declare module 'hyphen/nl' {
  interface HyphenateOptions {
    /** Inserted at each break opportunity; default U+00AD (soft hyphen). */
    hyphenChar?: string;
    /** Words shorter than this are left whole; default 5. */
    minWordLength?: number;
  }
  export function hyphenateSync(text: string, options?: HyphenateOptions): string;
}
