/**
 * Poll until `check` stops throwing (or returns a truthy value), or fail at the
 * deadline with the last error. Tests never sleep a fixed time to wait for sync.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 5_000, intervalMs = 20 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value;
      lastError = new Error('condition returned false');
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const message = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`not true within ${timeoutMs} ms: ${message}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
