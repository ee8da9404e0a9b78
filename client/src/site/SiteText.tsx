import type { ReactNode } from 'react';
import { parseSiteText, type Inline } from '../../../shared/site';
import { Link } from '../components/Link';

function inline(parts: Inline[]): ReactNode[] {
  return parts.map((part, i) => {
    switch (part.type) {
      case 'text':
        return part.text;
      case 'strong':
        return <strong key={i}>{part.text}</strong>;
      case 'link':
        // Our own pages navigate inside the app; the rest are ordinary links (the browser
        // only goes there when someone chooses to: nothing is loaded from elsewhere).
        return part.href.startsWith('/') ? (
          <Link key={i} href={part.href}>
            {part.text}
          </Link>
        ) : (
          <a key={i} href={part.href} rel="noopener noreferrer">
            {part.text}
          </a>
        );
    }
  });
}

/**
 * A page text (Markdown subset) as React elements: text is always text, never HTML.
 * `#` becomes the page's h1; `##` and `###` follow it.
 */
export function SiteText({ source }: { source: string }) {
  return (
    <div className="rb-site-text">
      {parseSiteText(source).map((block, i) => {
        switch (block.type) {
          case 'heading': {
            const Tag = (['h1', 'h2', 'h3'] as const)[block.level - 1]!;
            return <Tag key={i}>{inline(block.content)}</Tag>;
          }
          case 'paragraph':
            return <p key={i}>{inline(block.content)}</p>;
          case 'list':
            return (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </ul>
            );
        }
      })}
    </div>
  );
}
