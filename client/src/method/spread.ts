/**
 * Spread as a share of the board, in words too: the bigger, the more people disagree.
 * The exports use the same thresholds (server/exports/labels.ts, spreadLevel).
 */
export function spreadKey(spread: number) {
  if (spread < 0.08) return 'round.spread.small' as const;
  if (spread < 0.18) return 'round.spread.medium' as const;
  return 'round.spread.large' as const;
}
