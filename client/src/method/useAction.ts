import { useCallback, useEffect, useRef, useState } from 'react';

type Outcome = { ok: true } | { ok: false; code: string };

/**
 * Runs one kind of action against the server and keeps what the person must
 * see: busy while it runs, the refusal's code when it fails (shown with role="alert").
 */
export function useAction(): {
  busy: boolean;
  error: string | null;
  clear: () => void;
  run: <R extends Outcome>(task: () => Promise<R>) => Promise<R>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(async <R extends Outcome>(task: () => Promise<R>): Promise<R> => {
    setBusy(true);
    setError(null);
    const result = await task();
    if (live.current) {
      setBusy(false);
      setError(result.ok ? null : result.code);
    }
    return result;
  }, []);

  const clear = useCallback(() => setError(null), []);
  return { busy, error, clear, run };
}
