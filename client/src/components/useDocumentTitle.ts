import { useEffect } from 'react';
import { useSite } from '../site/useSite';

/** Sets the tab title to "<title> – <site name>" (Regiebord, or the municipality's name for it). */
export function useDocumentTitle(title: string | null | undefined): void {
  const app = useSite().name;
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
