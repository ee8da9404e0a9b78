import { useEffect, useState } from 'react';
import type { ProgressReport } from '../../../shared/progressReport';
import { ApiError, api, errorCode } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useI18n } from '../i18n';
import '../i18n/followUp';
import { goToLogin } from '../router';
import '../styles/followUp.css';
import { ProgressReportView } from './followUp/ProgressReportView';

/**
 * /voortgang/<secret> and /voortgang/organisatie: the organisation's read-only
 * progress overview (intranet). The secret link needs no account; the page
 * for every employee needs a signed-in one.
 */
export default function ProgressPage({ token }: { token: string | null }) {
  const { t, lang } = useI18n();
  useDocumentTitle(t('fu.page.title'));
  const [report, setReport] = useState<ProgressReport | null>(null);
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = token ? `/api/public/progress/${token}` : '/api/progress-page';

  useEffect(() => {
    api<{ report: ProgressReport }>(base).then(
      (r) => setReport(r.report),
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) goToLogin(location.pathname);
        else if (err instanceof ApiError && err.status === 404) setGone(true);
        else setError(errorCode(err));
      },
    );
  }, [base]);

  return (
    <div className="rb-page">
      <h1>{t('fu.page.title')}</h1>
      {gone ? (
        <p className="utrecht-alert rb-alert" role="status">
          {t('fu.page.gone')}
        </p>
      ) : (
        <>
          <p>{t('fu.page.intro')}</p>
          <ErrorAlert code={error} />
          {report ? <ProgressReportView report={report} pictureSrc={`${base}/picture.svg?lang=${lang}`} /> : !error && <p className="rb-loading">{t('app.loading')}</p>}
          {report && (
            <p>
              <a href={`${base}/feed.atom`} type="application/atom+xml">
                {t('fu.page.feed')}
              </a>
            </p>
          )}
        </>
      )}
    </div>
  );
}
