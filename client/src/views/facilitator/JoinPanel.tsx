import type { WorkshopDetail } from '../../../../shared/protocol';
import { useI18n } from '../../i18n';
import { formatJoinCode, joinQrUrl } from '../../joinCode';

/** The join code, the QR code and the link to the shared screen. */
export function JoinPanel({ detail }: { detail: WorkshopDetail }) {
  const { t } = useI18n();
  return (
    <section className="rb-panel rb-join-panel" aria-labelledby="rb-join-title">
      <h2 className="rb-panel__title" id="rb-join-title">
        {t('facilitator.joinTitle')}
      </h2>
      <p className="rb-code-label">{t('facilitator.code')}</p>
      <p className="rb-join-code" data-testid="join-code">
        {formatJoinCode(detail.joinCode)}
      </p>
      <img className="rb-qr" src={joinQrUrl(detail.joinCode)} alt={t('facilitator.qrAlt')} width={200} height={200} />
      <p>
        <a className="utrecht-button utrecht-button--secondary-action rb-button" href={`/scherm/${detail.id}#${detail.screenToken}`} target="_blank" rel="noopener noreferrer">
          {t('facilitator.screenLink')}
        </a>
      </p>
      <p className="rb-field__hint">{t('facilitator.screenLinkHint')}</p>
    </section>
  );
}
