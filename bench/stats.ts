/** Small helpers for the benchmark tables. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function table(title: string, rows: [string, string, string?][]): string {
  const lines = [`\n### ${title}\n`, '| figure | measured | target |', '|---|---|---|'];
  for (const [k, v, target] of rows) lines.push(`| ${k} | ${v} | ${target ?? ''} |`);
  return lines.join('\n');
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const now = () => performance.timeOrigin + performance.now();
