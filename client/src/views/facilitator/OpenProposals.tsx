import { useEffect, useId, useState } from 'react';
import type { TrackedProposal } from '../../../../shared/knowledge';
import { api, errorCode } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OpenProposalItem } from './OpenProposalItem';

interface Props {
  workshopId: string;
  /** The register entries on the board, joined: the list is asked again when they change. */
  registerKey: string;
}

/**
 * In the Welkom step: proposals from earlier workshops about the domains and projects
 * on this board that are still open, to review first. Overdue ones say so in words.
 */
export function OpenProposals({ workshopId, registerKey }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [proposals, setProposals] = useState<TrackedProposal[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api<{ proposals: TrackedProposal[] }>(`/api/workshops/${workshopId}/open-proposals`).then(
      (res) => {
        if (!live) return;
        setProposals(res.proposals);
        setError(null);
      },
      (err: unknown) => live && setError(errorCode(err)),
    );
    return () => {
      live = false;
    };
  }, [workshopId, registerKey]);

  return (
    <section className="rb-panel" id="openstaand" aria-labelledby={`${id}-title`} data-testid="open-proposals">
      <h2 className="rb-panel__title" id={`${id}-title`}>
        {t('lasting.open.title')}
      </h2>
      <ErrorAlert code={error} />
      {proposals === null && !error && <p className="rb-loading">{t('app.loading')}</p>}
      {proposals !== null && proposals.length === 0 && <p>{t('lasting.open.empty')}</p>}
      {proposals !== null && proposals.length > 0 && (
        <>
          <p className="rb-field__hint">{t('lasting.open.intro')}</p>
          <ul className="rb-items">
            {proposals.map((p) => (
              <OpenProposalItem key={p.id} proposal={p} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
