import { errorKey, useI18n } from '../i18n';

/** An error from the server or the network, in the current language. */
export function ErrorAlert({ code, id }: { code: string | null; id?: string }) {
  const { t } = useI18n();
  if (!code) return null;
  return (
    <p className="rb-alert" role="alert" id={id}>
      <span className="rb-alert__icon" aria-hidden="true">
        !
      </span>
      {t(errorKey(code))}
    </p>
  );
}
