import { describe, expect, it } from "vitest";
import { IMPORT_REGISTRIES, REGISTRY_SPECS } from "@/features/import/registries";
import { templateHeader } from "@/features/import/template";
import { makeT } from "@/lib/i18n/core";

// Guardrail for restructuring the registries: what a user sees of each registry's import (sheets, headers,
// kinds, dictionaries, natural keys, the log's action names) must not change by accident. A change here is
// deliberate and named in its commit (update with `npx vitest run -u`).
const zh = makeT("zh-CN");

describe("registry import contracts", () => {
  for (const registry of IMPORT_REGISTRIES) {
    it(registry, () => {
      const spec = REGISTRY_SPECS[registry];
      const shape = {
        label: zh(spec.label),
        list: spec.list,
        sheets: spec.sheets.map((s) => ({
          sheet: zh(s.sheet),
          objectType: s.writes.objectType,
          naturalKey: s.naturalKey,
          actions: s.writes.actions,
          columns: s.columns.map((c) => [templateHeader(c), c.field, c.kind, c.dict ?? null].join(" | ")),
        })),
      };
      expect(shape).toMatchSnapshot();
    });
  }
});
