// The committed-write event: the action wrapper announces every committed write with what it declared it
// touches, and caches (the KPI counts, the board, list totals) subscribe. Nothing guesses from action names,
// and a read (a reveal, a preview) announces nothing, so it never invalidates a cache.

/** The registries a write can touch. */
export const REGISTRY_KEYS = ["enterprise", "institution", "incubator", "talent"] as const;
export type RegistryKey = (typeof REGISTRY_KEYS)[number];

export type CommittedWrite = { action: string; registries: readonly RegistryKey[] };
type Listener = (w: CommittedWrite) => void;

// Kept on globalThis: Next may load a module once per server bundle, and all of them must hear every write.
const g = globalThis as unknown as { __committedWriteListeners?: Map<string, Listener> };

/** Subscribes under a name (a second bundle's copy of the same subscriber replaces the first, never doubles it). */
export function onCommittedWrite(name: string, listener: Listener): void {
  g.__committedWriteListeners ??= new Map();
  g.__committedWriteListeners.set(name, listener);
}

/** Called by the action wrapper once a write's transaction has committed. */
export function emitCommittedWrite(w: CommittedWrite): void {
  for (const fn of g.__committedWriteListeners?.values() ?? []) fn(w);
}
