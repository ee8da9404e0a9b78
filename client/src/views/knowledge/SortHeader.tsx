export interface Sort<K extends string> {
  key: K;
  dir: 'ascending' | 'descending';
}

/**
 * A column header that sorts: a button inside the <th>, which carries
 * aria-sort while it is the sorted column. The arrow is decoration; the
 * state is in aria-sort.
 */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  numeric,
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (column: K) => void;
  numeric?: boolean;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.dir : undefined} className={numeric ? 'rb-kc-num' : undefined}>
      <button type="button" className="rb-kc-sort" onClick={() => onSort(column)}>
        {label}
        <span className="rb-kc-sort__icon" aria-hidden="true">
          {active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
