// Which quarter the board opens on when none is asked for. Pure: the caller supplies the facts.
import { comparePeriods, isQuarter, type Period } from "./period";

/** How many of the newest quarters with data are tried before giving up on finding a complete one. */
export const MAX_CANDIDATES = 8;

/**
 * The latest quarter a leader can trust: a closed quarter (its figures were checked and frozen), or a later one in
 * which every board indicator has Yubei's value. A quarter still being entered opens only when chosen. When no
 * quarter qualifies, the newest quarter with data (the board then says what is missing), else `fallback`.
 */
export function chooseBoardPeriod(input: {
  closed: Period[];
  withData: Period[];
  isComplete: (quarter: Period) => boolean;
  fallback: Period;
}): Period {
  const desc = (ps: Period[]) => [...new Set(ps.filter(isQuarter))].sort((a, b) => comparePeriods(b, a));
  const latestClosed = desc(input.closed)[0] ?? null;
  const later = desc(input.withData)
    .filter((q) => latestClosed === null || comparePeriods(q, latestClosed) > 0)
    .slice(0, MAX_CANDIDATES);
  for (const q of later) if (input.isComplete(q)) return q;
  return latestClosed ?? desc(input.withData)[0] ?? input.fallback;
}
