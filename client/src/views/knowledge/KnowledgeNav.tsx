import { Link } from '../../components/Link';
import { useI18n, type MessageKey } from '../../i18n';
import type { KnowledgeSection } from '../../router';
import { signOut } from '../../signOut';

const ITEMS: { section: KnowledgeSection; href: string; label: MessageKey }[] = [
  { section: 'workshops', href: '/kenniscentrum', label: 'kc.nav.workshops' },
  { section: 'search', href: '/kenniscentrum/zoeken', label: 'kc.nav.search' },
  { section: 'register', href: '/kenniscentrum/register', label: 'kc.nav.register' },
  { section: 'ledger', href: '/kenniscentrum/drempels', label: 'kc.nav.ledger' },
  { section: 'tracker', href: '/kenniscentrum/voorstellen', label: 'kc.nav.tracker' },
  { section: 'progress', href: '/kenniscentrum/voortgang', label: 'fu.nav.progress' },
];

/** The sections of the knowledge centre; the current one is marked (aria-current), not only styled. */
export function KnowledgeNav({ current }: { current: KnowledgeSection | null }) {
  const { t } = useI18n();
  return (
    <nav className="rb-kc-nav" aria-label={t('kc.title')}>
      <p className="rb-kc-nav__name" aria-hidden="true">
        {t('kc.title')}
      </p>
      <ul className="rb-kc-nav__list">
        {ITEMS.map((item) => {
          // An entry's page lies inside the register: its link is marked as the location, not the page.
          const here = item.section === current ? 'page' : item.section === 'register' && current === 'entry' ? 'location' : undefined;
          return (
            <li key={item.section}>
              <Link className="rb-kc-nav__link" href={item.href} aria-current={here}>
                {t(item.label)}
              </Link>
            </li>
          );
        })}
        <li className="rb-kc-nav__aside">
          <Link className="rb-kc-nav__link" href="/begeleider">
            {t('kc.toDashboard')}
          </Link>
        </li>
        <li>
          {/* Members of the action group and the stuurgroep never see the dashboard: they log out here. */}
          <button type="button" className="rb-kc-nav__link rb-kc-nav__logout" onClick={() => void signOut()}>
            {t('dashboard.logout')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
