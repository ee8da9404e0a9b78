import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in an end-to-end page, without any network: the engine's source is read
 * from node_modules and evaluated in the page.
 *
 *   await page.goto(url);
 *   await expectAccessible(page, 'join (nl, dark)');   // throws with a readable list
 *
 * Rules: WCAG 2.0 and 2.1, levels A and AA (the tags below); nothing else.
 *
 * Why page.evaluate and not page.addScriptTag({ content }): Regiebord's CSP is
 * `script-src 'self'`, which blocks an inline script tag (the page would have to be
 * opened with bypassCSP, and then the CSP itself goes untested). Code evaluated
 * through the DevTools protocol is not subject to the page's CSP.
 */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; summary: string }[];
}

/** Load axe into the page once (again after a navigation: a new document has no axe). */
async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (present) return;
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
}

/** Run axe on the whole page (or the elements `include` selects) and return the violations. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await injectAxe(page);
  // Let the page render a frame first: right after page.emulateMedia (a colour scheme
  // switch) axe otherwise reads some text colours from before the switch.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return (result.violations as {
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
      }));
    },
    { tags: [...WCAG_TAGS], include },
  );
}

/** One line per rule, one indented line per element: what a developer needs to fix it. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
        ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')} — ${n.summary}`),
        ...(v.nodes.length > 8 ? [`    … and ${v.nodes.length - 8} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Fail when axe finds any WCAG 2.1 A/AA violation on the page. `label` names the view
 * in the message, e.g. "facilitator, Stemmen (en, dark)".
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const violations = await axeViolations(page, include);
  if (violations.length > 0) {
    throw new Error(`axe: ${violations.length} WCAG 2.1 AA violation(s) on ${label} (${page.url()}):\n${formatViolations(violations)}`);
  }
}
