import { useI18n } from '../i18n';
import { Link } from '../components/Link';

/** On every page but the shared screen: the accessibility statement and the privacy page. */
export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="utrecht-page-footer rb-footer">
      <nav aria-label={t('footer.label')}>
        <ul className="rb-footer__links">
          <li>
            <Link href="/toegankelijkheid">{t('footer.accessibility')}</Link>
          </li>
          <li>
            <Link href="/privacy">{t('footer.privacy')}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
