// Deterministic randomness for generated data (the demo seed and the benchmark generator): same seed, same rows.

export const DAY_MS = 86_400_000;
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const round2 = (x: number): number => Math.round(x * 100) / 100;

export class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** Zipf-like skew: low indexes are picked more often (a few streets/parks hold most firms). */
  skewed<T>(items: readonly T[], power = 1.6): T {
    return items[Math.min(items.length - 1, Math.floor(this.next() ** power * items.length))];
  }
  /** Log-uniform in [min, max], rounded to 2 decimals. */
  logUniform(min: number, max: number): number {
    return round2(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
  /** ISO date uniformly in [from, to] (inclusive). */
  date(from: string, to: string): string {
    return isoOf(this.int(dayOf(from), dayOf(to)));
  }
}
