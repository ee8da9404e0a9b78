import '../i18n/cockpit';
import '../i18n/knowledge';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ExportCard, ExportRound, WorkshopExport } from '../../../shared/export';
import { quadrantOf, type Template } from '../../../shared/template';
import { ErrorAlert } from '../components/ErrorAlert';
import { Link } from '../components/Link';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { phaseTitle } from '../method/phaseText';
import { KIND_KEYS } from '../method/proposalText';
import { spreadKey } from '../method/spread';
import { ProposalFacts } from '../method/ProposalMeta';
import '../styles/knowledge.css';
import { formatLong } from './knowledge/format';
import { useApiData } from './knowledge/useApiData';

interface ReportAnswer {
  id: string;
  mine: boolean;
  report: WorkshopExport;
}

const DOWNLOADS: { key: MessageKey; query: string }[] = [
  { key: 'report.dl.pdf', query: 'format=pdf' },
  { key: 'report.dl.docx', query: 'format=docx' },
  { key: 'report.dl.md', query: 'format=md' },
  { key: 'report.dl.csvBarriers', query: 'format=csv&table=barriers' },
  { key: 'report.dl.csvProposals', query: 'format=csv&table=proposals' },
  { key: 'report.dl.json', query: 'format=json' },
  { key: 'report.dl.svg', query: 'format=svg' },
  { key: 'report.dl.png', query: 'format=png' },
];

/** Cards as the exports number them: 1-based in the model's order (the numbers on the board picture). */
function cardRows(cards: ExportCard[], template: Template) {
  return cards.map((card, i) => ({
    n: i + 1,
    card,
    now: quadrantOf(template, card).label,
    target: card.target ? quadrantOf(template, card.target).label : null,
  }));
}

/** The element an address like /rapport/<id>#item-<itemId> points at, scrolled to and focused once the report is there. */
function useTargetItem(ready: boolean): string | null {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const hash = decodeURIComponent(location.hash.slice(1));
    if (!hash.startsWith('item-')) return;
    const el = document.getElementById(hash);
    if (!el) return;
    setTarget(hash);
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [ready]);
  return target;
}

/**
 * /rapport/:id: the outcome of one workshop as an accessible web page, the
 * same content as the PDF and Markdown exports (one model), with download
 * links for every format and a print stylesheet. Every card, barrier and
 * proposal has id="item-<id>", so search hits can point at them.
 */
export default function Report({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { state } = useApiData<ReportAnswer>(`/api/workshops/${id}/report`);
  const data = state.kind === 'ready' ? state.data : null;
  useDocumentTitle(data ? t('report.docTitle', { title: data.report.workshop.title }) : t('report.kicker'));
  const target = useTargetItem(data !== null);

  if (state.kind === 'loading') return <p className="rb-loading">{t('app.loading')}</p>;
  if (!data) {
    return (
      <div className="rb-page rb-report">
        <h1>{t('report.kicker')}</h1>
        {state.kind === 'error' && <ErrorAlert code={state.code} />}
        <p>
          <Link href="/kenniscentrum">{t('report.back')}</Link>
        </p>
      </div>
    );
  }

  const { report, mine } = data;
  const w = report.workshop;
  const itemClass = (itemId: string, base: string) => `${base}${target === `item-${itemId}` ? ' rb-report__target' : ''}`;
  const cards = cardRows(report.cards, w.template);
  const exportUrl = (query: string) => `/api/workshops/${id}/export?${query}&lang=${lang}`;

  return (
    <div className="rb-page rb-report">
      <nav className="rb-report__nav" aria-label={t('report.actions')}>
        <Link href="/kenniscentrum">
          <span aria-hidden="true">← </span>
          {t('report.back')}
        </Link>
        {mine && <Link href={`/begeleider/w/${id}`}>{t('report.openWorkshop')}</Link>}
        <button type="button" className="utrecht-button utrecht-button--secondary-action rb-button rb-button--small" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </nav>

      <p className="rb-report__kicker">{t('report.kicker')}</p>
      <h1>{w.title}</h1>
      <dl className="rb-report__facts" aria-label={t('report.facts')}>
        <div>
          <dt>{t('report.date')}</dt>
          <dd>
            <time dateTime={new Date(w.createdAt).toISOString()}>{formatLong(w.createdAt, lang)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('report.status')}</dt>
          <dd>{t(w.finishedAt ? 'kc.status.finished' : 'kc.status.running')}</dd>
        </div>
        <div>
          <dt>{t('report.participants')}</dt>
          <dd>{t(report.participants.count === 1 ? 'presence.one' : 'presence.many', { count: report.participants.count })}</dd>
        </div>
        {report.participants.names.length > 0 && (
          <div>
            <dt>{t('report.names')}</dt>
            <dd>{report.participants.names.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('report.template')}</dt>
          <dd>{w.template.name[lang]}</dd>
        </div>
        <div>
          <dt>{t('report.steps')}</dt>
          <dd>
            {w.phases
              .filter((p) => !p.skipped)
              .map((p) => phaseTitle(p, t))
              .join(' → ')}
          </dd>
        </div>
      </dl>
      {!w.settings.named && <p className="rb-kc-muted">{t('report.anonymous')}</p>}

      <ReportSection title={t('report.downloads')} className="rb-report__downloads">
        <p>{t('report.downloadsIntro')}</p>
        <ul className="rb-report__download-list">
          {DOWNLOADS.map((d) => (
            <li key={d.key}>
              <a href={exportUrl(d.query)} download data-format={d.query}>
                {t(d.key)}
              </a>
            </li>
          ))}
        </ul>
      </ReportSection>

      <ReportSection title={t('report.board')}>
        {cards.length === 0 ? (
          <p>{t('report.cardsEmpty')}</p>
        ) : (
          <>
            <img
              className="rb-report__board"
              src={`/api/workshops/${id}/export?format=svg&lang=${lang}`}
              alt={t('report.boardAlt', { count: cards.length })}
              width={1600}
              height={1000}
            />
            <div className="rb-kc-table-wrap">
              <table className="utrecht-table rb-kc-table" data-testid="report-cards">
                <caption className="utrecht-table__caption rb-kc-caption rb-kc-caption--small">{t('card.listTitle', { count: cards.length })}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell rb-kc-num">
                      {t('kc.col.number')}
                    </th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.card')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.kind')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.department')}</th>
                    <th className="utrecht-table__header-cell" scope="col">{t('kc.col.nowTarget')}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {cards.map(({ n, card, now, target }) => (
                    <tr key={card.id} id={`item-${card.id}`} tabIndex={-1} className={itemClass(card.id, 'utrecht-table__row rb-report__item')}>
                      <td className="utrecht-table__cell rb-kc-num">{n}</td>
                      <th scope="row" className="utrecht-table__header-cell rb-kc-rowhead">
                        {card.title}
                        {card.description && <span className="rb-kc-sub">{card.description}</span>}
                      </th>
                      <td className="utrecht-table__cell">{t(card.kind === 'domain' ? 'card.domain' : 'card.project')}</td>
                      <td className="utrecht-table__cell">{card.department}</td>
                      <td className="utrecht-table__cell">
                        {now} → {target ?? t('board.noTarget')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </ReportSection>

      {report.rounds.length > 0 && (
        <ReportSection title={t('report.rounds')}>
          {[...report.rounds]
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((round, i) => (
              <RoundBlock key={round.id} n={i + 1} round={round} cards={report.cards} template={w.template} t={t} />
            ))}
        </ReportSection>
      )}

      <ReportSection title={t('report.barriers', { count: report.barriers.length })}>
        {report.barriers.length === 0 ? (
          <p>{t('barrier.none')}</p>
        ) : (
          <>
            <p>{t(report.voters === 1 ? 'barrier.votersOne' : 'barrier.voters', { count: report.voters })}</p>
            <ol className="rb-report__list" data-testid="report-barriers">
              {[...report.barriers]
                .sort((a, b) => a.rank - b.rank)
                .map((b) => {
                  const linked = b.cardIds.map((cid) => report.cards.find((c) => c.id === cid)?.title).filter(Boolean);
                  return (
                    <li key={b.id} id={`item-${b.id}`} tabIndex={-1} className={itemClass(b.id, 'rb-report__item')} value={b.rank}>
                      <p className="rb-report__item-head">
                        <strong>{b.text}</strong>
                        <span className="rb-report__votes">
                          {b.votes === 1 ? t('report.votesOne') : t('report.votes', { count: b.votes })}
                        </span>
                      </p>
                      <p className="rb-kc-sub">
                        <span className="rb-sr-only">{t('report.rank', { rank: b.rank })}. </span>
                        {b.heading && <>{`${t('barrier.heading')}: ${b.heading}. `}</>}
                        {linked.length > 0 && <>{t('barrier.linked', { cards: linked.join(', ') })}. </>}
                        {b.authorName && t('item.author', { name: b.authorName })}
                      </p>
                      {b.variants.length > 0 && (
                        <p className="rb-kc-sub" data-testid="report-variants">
                          {t('cockpit.variants', { count: b.variants.length })} {b.variants.map((v) => `‘${v}’`).join('; ')}
                        </p>
                      )}
                    </li>
                  );
                })}
            </ol>
          </>
        )}
      </ReportSection>

      <ReportSection title={t('proposal.listTitle', { count: report.proposals.length })}>
        {report.proposals.length === 0 ? (
          <p>{t('proposal.none')}</p>
        ) : (
          <ul className="rb-report__list" data-testid="report-proposals">
            {report.proposals.map((p) => {
              const barrier = p.barrierId ? report.barriers.find((b) => b.id === p.barrierId) : null;
              const card = p.cardId ? report.cards.find((c) => c.id === p.cardId) : null;
              const about = [
                p.barrierId ? `${t('proposal.aboutBarrier')}: ${barrier?.text ?? t('report.removed')}` : '',
                p.cardId ? `${t('proposal.aboutCard')}: ${card?.title ?? t('report.removed')}` : '',
              ].filter(Boolean);
              return (
                <li key={p.id} id={`item-${p.id}`} tabIndex={-1} className={itemClass(p.id, 'rb-report__item')}>
                  <p className="rb-report__proposal-head">
                    <span className="rb-kc-tag">{t(KIND_KEYS[p.kind])}</span> <strong>{p.text}</strong>
                  </p>
                  <dl className="rb-report__meta">
                    <ProposalFacts proposal={p} />
                    {about.length > 0 && (
                      <div>
                        <dt>{t('report.proposalAbout')}</dt>
                        <dd>{about.join('; ')}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </ReportSection>

      <ReportSection title={t('report.alarms')}>
        <AlarmList report={report} t={t} />
      </ReportSection>
    </div>
  );
}

function ReportSection({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`rb-report__section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function RoundBlock({ n, round, cards, template, t }: { n: number; round: ExportRound; cards: ExportCard[]; template: Template; t: Translate }) {
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  const question = t(round.mode === 'target' ? 'round.modeTarget' : 'round.modeNow');
  return (
    <div className="rb-report__round">
      <h3>{t('report.round', { n, question })}</h3>
      {round.status === 'open' ? (
        <p>{t('report.roundOpen')}</p>
      ) : (
        <ol className="rb-report__list rb-report__list--compact">
          {round.results.map((r) => (
            <li key={r.cardId}>
              <strong>{titles.get(r.cardId) ?? t('round.unknownCard')}</strong>:{' '}
              {r.stats
                ? t('round.stats', {
                    count: r.stats.count,
                    quadrant: quadrantOf(template, r.stats.mean).label,
                    spread: t(spreadKey(r.stats.spread)),
                    pct: Math.round(r.stats.spread * 100),
                  })
                : t('round.noPlacements')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AlarmList({ report, t }: { report: WorkshopExport; t: Translate }) {
  const confirmed = report.alarms.filter((a) => a.status === 'confirmed').sort((a, b) => a.createdAt - b.createdAt);
  if (confirmed.length === 0) return <p>{t('report.alarmsNone')}</p>;
  return (
    <ul className="rb-report__list" data-testid="report-alarms">
      {confirmed.map((a) => {
        const about =
          a.targetType === 'barrier'
            ? report.barriers.find((b) => b.id === a.targetId)?.text
            : report.proposals.find((p) => p.id === a.targetId)?.text;
        const text = about ?? t('report.removed');
        return (
          <li key={a.id}>
            <span className="rb-kc-alarm" aria-hidden="true">
              !
            </span>{' '}
            <strong>{t(a.targetType === 'barrier' ? 'alarm.onBarrier' : 'alarm.onProposal', { text })}</strong>
            {a.reason && <> {t('report.alarmReason', { reason: a.reason })}</>}
          </li>
        );
      })}
    </ul>
  );
}
