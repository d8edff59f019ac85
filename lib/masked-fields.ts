// Which record fields hold personal data, as the registry definitions declare them (`mask` on a field). A
// definition registers here when it is declared, so the operation log (lib/audit.ts) masks exactly what the
// registries declare personal, without lib importing features. Client-safe: no server imports.

export type MaskKind = "phone" | "idNumber";

const masked = new Map<string, MaskKind>();
const owners = new Map<string, string>();

/**
 * Records the masked fields of one registry. Keys are matched in any logged object (an import row, a refused
 * input), so a key one registry declares personal is masked wherever it appears; two registries declaring the
 * same key with different masks is a definition error.
 */
export function registerMaskedFields(objectType: string, fields: readonly (readonly [string, MaskKind])[]): void {
  for (const [key, kind] of fields) {
    const had = masked.get(key);
    if (had && had !== kind)
      throw new Error(`${objectType}.${key}: masked as ${kind}, but ${owners.get(key)} masks it as ${had}`);
    masked.set(key, kind);
    owners.set(key, objectType);
  }
}

/** key → mask of every field a registry declares personal. */
export function maskedFields(): ReadonlyMap<string, MaskKind> {
  return masked;
}
