import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router';

/**
 * An <a> that navigates inside the app without a page load (unless modified or targeted).
 * Without a className it is an NL Design System link (utrecht-link).
 */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { onClick, className = 'utrecht-link utrecht-link--html-a', ...rest } = props;
  function handleClick(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(rest.href);
  }
  return <a {...rest} className={className} onClick={handleClick} />;
}
