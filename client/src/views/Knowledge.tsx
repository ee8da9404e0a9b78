import '../i18n/cockpit';
import '../i18n/knowledge';
import '../i18n/followUp';
import type { KnowledgeSection } from '../router';
import '../styles/knowledge.css';
import { KnowledgeNav } from './knowledge/KnowledgeNav';
import { LedgerSection } from './knowledge/LedgerSection';
import { RegisterEntrySection } from './knowledge/RegisterEntrySection';
import { RegisterSection } from './knowledge/RegisterSection';
import { SearchSection } from './knowledge/SearchSection';
import { TrackerSection } from './knowledge/TrackerSection';
import { ProgressSection } from './knowledge/ProgressSection';
import { WorkshopsSection } from './knowledge/WorkshopsSection';

/**
 * /kenniscentrum/...: the knowledge centre for logged-in accounts. One view
 * (one chunk) with a section per sub-path; each section has its own h1.
 */
export default function Knowledge({ section, id }: { section: KnowledgeSection; id?: string | undefined }) {
  return (
    <div className="rb-page rb-kc">
      <KnowledgeNav current={section} />
      <Section section={section} id={id} />
    </div>
  );
}

function Section({ section, id }: { section: KnowledgeSection; id?: string | undefined }) {
  switch (section) {
    case 'workshops':
      return <WorkshopsSection />;
    case 'search':
      return <SearchSection />;
    case 'register':
      return <RegisterSection />;
    case 'entry':
      return <RegisterEntrySection key={id} id={id ?? ''} />;
    case 'ledger':
      return <LedgerSection />;
    case 'tracker':
      return <TrackerSection />;
    case 'progress':
      return <ProgressSection />;
  }
}
