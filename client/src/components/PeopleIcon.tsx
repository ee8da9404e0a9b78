/** Two people: the icon next to participant counts (decorative). */
export function PeopleIcon() {
  return (
    <svg className="rb-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="3.5" fill="currentColor" />
      <path d="M2 20c0-4 3.1-6.5 7-6.5s7 2.5 7 6.5z" fill="currentColor" />
      <circle cx="17" cy="9" r="2.8" fill="currentColor" opacity="0.7" />
      <path d="M17 13.5c2.9 0 5 2 5 5.5h-4.6c0-2.2-.8-4-2.2-5.3.6-.1 1.2-.2 1.8-.2z" fill="currentColor" opacity="0.7" />
    </svg>
  );
}
