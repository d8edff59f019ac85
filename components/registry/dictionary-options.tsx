import type { DictOption } from "@/lib/registry/dictionaries";

/**
 * The <option>s of a dictionary select: enabled items, plus the record's current one even if it has since been
 * disabled (so an old record still shows and keeps its value). The server checks the choice again.
 */
export function DictionaryOptions({ options, current }: { options: readonly DictOption[]; current?: number | null }) {
  return options
    .filter((o) => o.enabled || o.id === current)
    .map((o) => (
      <option key={o.id} value={o.id}>
        {o.label}
      </option>
    ));
}
