/**
 * Knowledge-centre search on PostgreSQL. Same matching rule as the SQLite
 * engine (FTS5): every term must be the prefix of a word of the item, words
 * folded (lower case, accents off) on both sides; the terms arrive already
 * stemmed by the shared Dutch rules (server/knowledge/dutchText.ts). So both
 * engines find the same items. Ranking: ts_rank with the title weighted above
 * the body (as bm25 with weights 4:1 does in SQLite); the order of equally
 * good hits can differ between the engines, the set of hits does not.
 *
 * $1: the terms (text[]), $2: limit, $3: item type (optional).
 */
const HIGHLIGHT = `'StartSel="\u0002", StopSel="\u0003", HighlightAll=true'`;
const SNIPPET = `'StartSel="\u0002", StopSel="\u0003", MaxWords=12, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"'`;

export function searchSql(withType: boolean): string {
  // Rank first over the matching rows only; build highlights for the top rows alone.
  return `WITH q AS (
      SELECT to_tsquery('regiebord_search', string_agg(quote_literal(t) || ':*', ' & ')) AS q
      FROM unnest($1::text[]) AS t
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
