import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, errorCode } from '../../api';
import { goToLogin } from '../../router';

export type Loaded<T> = { kind: 'loading' } | { kind: 'error'; code: string } | { kind: 'ready'; data: T };

/** Not logged in (any more): to the login page, and back here afterwards. */
export function isLoggedOut(err: unknown): boolean {
  if (err instanceof ApiError && err.status === 401) {
    goToLogin(location.pathname + location.search + location.hash);
    return true;
  }
  return false;
}

/** The error code to show for a failed request, or null when it sent the user to the login page. */
export function failure(err: unknown): string | null {
  return isLoggedOut(err) ? null : errorCode(err);
}

/**
 * GET a path and keep the answer; a new path loads again, `reload` too.
 * The previous answer stays visible while a new one loads (no flicker).
 */
export function useApiData<T>(path: string | null): { state: Loaded<T>; reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api<T>(path).then(
      (data) => {
        if (live) setState({ kind: 'ready', data });
      },
      (err: unknown) => {
        if (!live) return;
        const code = failure(err);
        if (code) setState({ kind: 'error', code });
      },
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}
