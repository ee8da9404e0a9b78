import type { ExportLang } from '../../shared/export';
import type { ProgressActor } from '../../shared/followUp';
import type { ProposalStatus } from '../../shared/method';
import { labelsFor } from '../exports/labels';
import { wordText } from '../exports/wordText';

export interface FeedEntry {
  id: number;
  at: number;
  proposalText: string;
  workshopTitle: string;
  status: ProposalStatus;
  note: string;
  actor: ProgressActor;
}

const ACTOR: Record<ExportLang, Record<ProgressActor, string>> = {
  nl: { owner: 'eigenaar', facilitator: 'begeleider', stuurgroep: 'stuurgroep' },
  en: { owner: 'owner', facilitator: 'facilitator', stuurgroep: 'steering group' },
};

/** XML text: control characters XML forbids removed, the five specials escaped. */
export function atomText(text: string): string {
  return wordText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Status changes of action points as an Atom feed (RFC 4287) for an intranet
 * to show. Every text is an escaped `type="text"` element: a reader never
 * interprets it as HTML. Who changed it is a role, never a person's name.
 */
export function renderAtom(options: { id: string; title: string; updated: number; lang: ExportLang; entries: FeedEntry[] }): string {
  const L = labelsFor(options.lang);
  const iso = (ms: number) => new Date(ms).toISOString();
  const entries = options.entries.map((e) => {
    const title = `${e.proposalText}: ${L.proposalStatus[e.status]}`;
    const summary = [`${options.lang === 'nl' ? 'Werksessie' : 'Workshop'}: ${e.workshopTitle}`, e.note].filter(Boolean).join(' — ');
    return [
      '  <entry>',
      `    <id>${atomText(`${options.id}:${e.id}`)}</id>`,
      `    <title type="text">${atomText(title)}</title>`,
      `    <updated>${iso(e.at)}</updated>`,
      `    <author><name>${atomText(ACTOR[options.lang][e.actor])}</name></author>`,
      `    <summary type="text">${atomText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${options.lang === 'nl' ? 'nl-NL' : 'en-GB'}">`,
    `  <id>${atomText(options.id)}</id>`,
    `  <title type="text">${atomText(options.title)}</title>`,
    `  <updated>${iso(options.updated)}</updated>`,
    '  <generator>Regiebord</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
