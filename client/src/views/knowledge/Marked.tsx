import { splitMarks } from './marks';

/** A search title or snippet with its matched words as <mark> (text only, no HTML). */
export function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMarks(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
