import { useState } from 'react';
import { useI18n } from '../i18n';
import { queryParam } from '../router';
import { JoinForm } from '../components/JoinForm';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** /doe-mee?code=12345678: the page the QR code opens. */
export default function Join() {
  const { t } = useI18n();
  const [code] = useState(() => queryParam('code') ?? '');
  useDocumentTitle(t('join.title'));
  return (
    <div className="rb-page rb-page--narrow">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <JoinForm initialCode={code} />
    </div>
  );
}
