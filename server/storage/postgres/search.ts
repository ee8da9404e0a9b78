/**
 * Knowledge-centre search on PostgreSQL. Same matching rule as the SQLite
 * engine (FTS5): per word typed, one of its forms (as typed, its Snowball stem,
 * without a trailing "s": searchForms in server/knowledge/dutchText.ts) must be
 * the prefix of a word of the item or of one of its stems; words folded (lower
 * case, accents off) on both sides. The vector holds the words and their stems
 * (migration 4), as SQLite's index has a stems column. Ranking: ts_rank with the
 * title weighted above the body (as bm25 with weights 4:1:1 does in SQLite); the
 * order of equally good hits can differ between the engines, the set of hits does not.
 *
 * $1: the query (searchQuery), $2: limit, $3: item type (optional).
 */
const HIGHLIGHT = `'StartSel="\u0002", StopSel="\u0003", HighlightAll=true'`;
const SNIPPET = `'StartSel="\u0002", StopSel="\u0003", MaxWords=12, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"'`;

export function searchSql(withType: boolean): string {
  // Rank first over the matching rows only; build highlights for the top rows alone.
  return `WITH q AS (
      SELECT to_tsquery('regiebord_search', $1) AS q
    ),
    top AS (
      SELECT si.id, ts_rank('{0.1, 0.2, 0.4, 1.0}', si.tsv, q.q) AS score
      FROM search_items si, q
      WHERE si.tsv @@ q.q ${withType ? 'AND si.item_type = $3' : ''}
      ORDER BY score DESC, si.id
      LIMIT $2
    )
    SELECT si.item_type, si.workshop_id, si.item_id, w.title AS workshop_title, w.created_at AS workshop_created_at,
      ts_headline('regiebord_search', si.title, q.q, ${HIGHLIGHT}) AS title,
      CASE WHEN si.body ~ '^\\s*$' THEN '' ELSE ts_headline('regiebord_search', si.body, q.q, ${SNIPPET}) END AS snippet
    FROM top
    JOIN search_items si ON si.id = top.id
    JOIN workshops w ON w.id = si.workshop_id
    CROSS JOIN q
    ORDER BY top.score DESC, w.created_at DESC, si.id`;
}

/** The tsquery text for the forms: (form:* | form:* …) & …, every form quoted as a literal. */
export function searchQuery(forms: string[][]): string {
  const literal = (f: string) => `'${f.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`;
  return forms.map((alternatives) => `(${alternatives.map(literal).join(' | ')})`).join(' & ');
}
