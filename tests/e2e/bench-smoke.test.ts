import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';

/**
 * The load harness works: `bench/run.ts --smoke` runs every scenario with a few
 * phones, against our server and the reference. No timing is asserted here;
 * the figures belong in docs/performance.md, measured with `npm run bench`.
 */
describe('bench harness (smoke)', () => {
  it('runs every scenario and prints its table', async () => {
    // Fails clearly when Chromium or the build is missing (scenario f needs both).
    await (await launchChromium()).close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    for (const title of ['(a) Fan-out', '(a) Fan-out, a drag', '(b) Burst', '(c) Vote storm', '(d) Capacity', '(e) Cold load', '(f) Phone bundle']) {
      expect(output).toContain(title);
    }
    // The server's own broadcast time (from /healthz) is read, next to what the phones measured.
    expect(output).toMatch(/server: first update applied → last socket write, p50 \/ p99 \| \d+\.\d ms \/ \d+\.\d ms/);
    // The cold load says where its time went, and every card arrived.
    expect(output).toMatch(/socket open \/ the answer arrives \/ the client applies it \| \d+\.\d ms \/ \d+\.\d ms \/ \d+\.\d ms/);
    expect(output).toMatch(/cards received \| 50 \|/);
    // Stored as it was left: one snapshot, or a crash's tail of 500 or of 20 changes.
    expect(output).toMatch(/stored as one snapshot, as the server leaves it/);
    expect(output).toMatch(/after a crash \(snapshot \+ 500 updates\) \| \d+\.\d ms/);
    expect(output).toMatch(/shortly after a pause \(snapshot \+ 20 updates\) \| \d+\.\d ms/);
    // And how the phones were scheduled (the idle class, or nice where chrt is missing).
    expect(output).toMatch(/Phones' processes: \d+, (SCHED_IDLE|nice)/);
    // Exactly once holds even in the smoke run.
    expect(output).toMatch(/accepted \/ attempted \| 18 \/ 18/);
    expect(output).toMatch(/server total after reveal \| 18 \|/);
  }, 240_000);

  it('runs the knowledge-centre search bench', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/search.ts', '--smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('Knowledge-centre search on SQLite: 20 workshops × 50 items (1,020 indexed)');
    // Every query found something: the index is filled and the queries reach it.
    expect(output).toMatch(/hits per query \(mean, max 50\) \| (?!0\.0)\d+\.\d/);
  }, 120_000);
});
