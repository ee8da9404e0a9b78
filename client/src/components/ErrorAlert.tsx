import { errorKey, useI18n } from '../i18n';

/** An error from the server or the network, in the current language. */
export function ErrorAlert({ code, id }: { code: string | null; id?: string }) {
  const { t } = useI18n();
  if (!code) return null;
  return (
    <p className="utrecht-alert utrecht-alert--error rb-alert" role="alert" id={id}>
      <span className="utrecht-alert__icon rb-alert__icon" aria-hidden="true">
        !
      </span>
      {t(errorKey(code))}
    </p>
  );
}
