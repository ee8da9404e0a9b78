import { useId, type ReactNode } from 'react';
import { PROPOSAL_STATUSES } from '../../../../shared/method';
import type { ProgressReport } from '../../../../shared/progressReport';
import { useI18n, type MessageKey } from '../../i18n';
import { STATUS_KEYS, formatDate } from '../../method/proposalText';
import { formatDay } from '../knowledge/format';
import { ProgressPicture } from './ProgressPicture';

/**
 * The progress report's figures as a page: the knowledge centre's section
 * and the organisation's (intranet) page show the same model the Word and PDF
 * documents are built from, with the same quadrant picture (`pictureSrc`:
 * the route that draws it for this report). Read-only; no participant names are in the model.
 */
export function ProgressReportView({ report, level = 2, pictureSrc }: { report: ProgressReport; level?: 2 | 3; pictureSrc: string }) {
  const { t, lang } = useI18n();
  const status = (s: keyof typeof STATUS_KEYS) => t(STATUS_KEYS[s]);
  const T = report.totals;
  const figures: [number, MessageKey][] = [
    [T.workshops, 'fu.fig.workshops'],
    [T.participants, 'fu.fig.participants'],
    [T.entries, 'fu.fig.entries'],
    [T.entriesChangedQuadrant, 'fu.fig.moved'],
    [T.recurringBarriers, 'fu.fig.recurring'],
    [T.proposals, 'fu.fig.proposals'],
    [T.proposalsByStatus.gereed, 'fu.fig.done'],
    [T.overdue, 'fu.fig.overdue'],
    [T.alarms, 'fu.fig.alarms'],
  ];
  return (
    <div className="rb-fu-report">
      <p>{t('fu.report.period', { from: formatDate(report.period.from, lang), to: formatDate(report.period.to, lang), today: formatDate(report.today, lang) })}</p>
      <ul className="rb-fu-figures">
        {figures.map(([n, key]) => (
          <li key={key}>
            <strong>{n}</strong> {t(key)}
          </li>
        ))}
      </ul>

      <Section level={level} title={t('fu.sec.workshops')} empty={report.workshops.length === 0}>
        <DataTable
          caption={t('fu.sec.workshops')}
          head={[t('fu.col.workshop'), t('fu.col.date'), t('fu.col.participants'), t('fu.col.actions')]}
          rows={report.workshops.map((w) => [w.title, formatDay(w.date, lang), String(w.participants), String(w.proposals)])}
        />
      </Section>

      <Section level={level} title={t('fu.sec.movements')} empty={report.movements.length === 0}>
        <ProgressPicture report={report} src={pictureSrc} />
        <DataTable
          caption={t('fu.sec.movements')}
          head={[t('fu.col.entry'), t('fu.col.first'), t('fu.col.latest'), t('fu.col.changed')]}
          rows={report.movements.map((m) => [
            m.title,
            `${m.first.workshopTitle}: ${m.first.nowQuadrant} → ${m.first.targetQuadrant ?? '–'}`,
            `${m.latest.workshopTitle}: ${m.latest.nowQuadrant} → ${m.latest.targetQuadrant ?? '–'}`,
            m.quadrantChanged ? t('fu.yes') : t('fu.no'),
          ])}
        />
      </Section>

      <Section level={level} title={t('fu.sec.barriers')} empty={report.recurringBarriers.length === 0}>
        <DataTable
          caption={t('fu.sec.barriers')}
          head={[t('fu.col.barrier'), t('fu.col.workshop'), t('fu.col.votes'), t('fu.col.actions'), t('fu.col.outcome')]}
          rows={report.recurringBarriers.map((b) => [
            b.text,
            b.workshops.map((w) => w.title).join('; '),
            String(b.totalVotes),
            b.proposals.map((p) => `${p.text} (${status(p.status)})`).join('; ') || '–',
            t(`fu.outcome.${b.outcome}`),
          ])}
        />
      </Section>

      <Section level={level} title={t('fu.sec.status')} empty={false}>
        <DataTable caption={t('fu.sec.status')} head={[t('fu.col.status'), t('fu.col.count')]} rows={PROPOSAL_STATUSES.map((s) => [status(s), String(T.proposalsByStatus[s])])} />
      </Section>

      <Section level={level} title={t('fu.sec.owners')} empty={report.owners.length === 0}>
        <DataTable
          caption={t('fu.sec.owners')}
          head={[t('fu.col.owner'), t('fu.col.total'), ...PROPOSAL_STATUSES.map(status), t('fu.fig.overdue')]}
          rows={report.owners.map((o) => [o.owner || t('fu.noOwner'), String(o.total), ...PROPOSAL_STATUSES.map((s) => String(o.byStatus[s])), String(o.overdue)])}
        />
      </Section>

      <Section level={level} title={t('fu.sec.overdue')} empty={report.overdue.length === 0}>
        <DataTable
          caption={t('fu.sec.overdue')}
          head={[t('fu.col.action'), t('fu.col.owner'), t('fu.col.due'), t('fu.col.status'), t('fu.col.note')]}
          rows={report.overdue.map((p) => [p.text, p.owner || t('fu.noOwner'), formatDate(p.dueDate, lang), status(p.status), p.lastNote || '–'])}
        />
      </Section>

      <Section level={level} title={t('fu.sec.alarms')} empty={report.alarms.length === 0}>
        <DataTable
          caption={t('fu.sec.alarms')}
          head={[t('fu.col.alarm'), t('fu.col.about'), t('fu.col.workshop'), t('fu.col.done')]}
          rows={report.alarms.map((a) => [a.reason, a.about || '–', a.workshopTitle, a.actions.map((p) => `${p.text} (${status(p.status)})`).join('; ') || '–'])}
        />
      </Section>
    </div>
  );
}

function Section({ level, title, empty, children }: { level: 2 | 3; title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id}>
      <H id={id}>{title}</H>
      {empty ? <p>{t('fu.none')}</p> : children}
    </section>
  );
}

/** A plain table; wide ones scroll sideways in their own focusable region on a phone. */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  const id = useId();
  return (
    <div className="rb-fu-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="rb-fu-table">
        <caption id={id} className="rb-sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
