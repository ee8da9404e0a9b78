import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** The whole page when the workshop is gone (deleted by the facilitator or the retention job): final, no reconnecting. */
export function WorkshopDeleted({ large, children }: { large?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={large ? 'rb-screen rb-screen--message' : 'rb-page rb-page--narrow'} data-testid="workshop-deleted">
      <div className="rb-ended" role="alert">
        <h1 className="rb-ended__title">{t('lasting.deleted.title')}</h1>
        <p>{t('lasting.deleted.text')}</p>
      </div>
      {children}
    </div>
  );
}

/** Did the server end this workshop for good (control channel code, or the board's close code 4411)? */
export function isDeleted(fatalError: string | null, boardClosedCode: number | null): boolean {
  return fatalError === 'WORKSHOP_DELETED' || boardClosedCode === 4411;
}
