import type { ProposalKind, ProposalStatus } from '../../../shared/method';
import type { Lang, MessageKey } from '../i18n';
import { localeOf } from '../i18n/format';

export const KIND_KEYS: Record<ProposalKind, MessageKey> = {
  versnellen: 'proposal.kind.versnellen',
  verdiepen: 'proposal.kind.verdiepen',
};

export const STATUS_KEYS: Record<ProposalStatus, MessageKey> = {
  open: 'proposal.status.open',
  'in-uitvoering': 'proposal.status.in-uitvoering',
  gereed: 'proposal.status.gereed',
  vervallen: 'proposal.status.vervallen',
};

/** A due date (yyyy-mm-dd) as people say it: "1 maart 2027". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
