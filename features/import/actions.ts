"use server";
import { getConn } from "@/db";
import { applyPlan } from "@/features/import/engine";
import { writeRecordLogs } from "@/features/import/record-logs";
import { REGISTRY_SPECS } from "@/features/import/registries";
import { MAX_UPLOAD_INPUT_BYTES, plan, readUpload, summarise } from "@/features/import/service";
import { ActionError, defineAction } from "@/lib/action";
import { getT } from "@/lib/i18n/server";
import { nowIso } from "@/lib/time";
import { importCommitSchema, importUploadSchema } from "./validations";

const prepare = async ({ file }: { file: File }) => ({ sheets: await readUpload(file), t: await getT() });

/** Parses and validates an upload row by row; writes nothing but the log row. */
export const previewImport = defineAction({
  name: "import.preview",
  readOnly: true,
  permission: "import.run",
  schema: importUploadSchema,
  maxInputBytes: MAX_UPLOAD_INPUT_BYTES,
  prepare,
  handler: ({ registry, file }, { prepared, user, audit }) => {
    const p = plan(getConn().sqlite, registry, prepared.sheets, user);
    audit({ objectType: "import", message: file.name, detail: { registry, file: file.name, counts: p.totals } });
    return summarise(p, file.name, prepared.t);
  },
});

/**
 * Imports an upload in one transaction: re-parsed and re-validated here, so nothing depends on the preview.
 * With errors left, nothing is written unless the user chose to import the valid rows only.
 */
export const commitImport = defineAction({
  name: "import.commit",
  registries: ["enterprise", "institution", "incubator", "talent"],
  permission: "import.run",
  schema: importCommitSchema,
  maxInputBytes: MAX_UPLOAD_INPUT_BYTES,
  prepare,
  handler: ({ registry, file, mode }, { prepared, user, ip, audit, afterLog }) => {
    const sqlite = getConn().sqlite;
    const p = plan(sqlite, registry, prepared.sheets, user);
    const invalid = p.totals.invalid;
    if (invalid > 0 && mode === "all") throw new ActionError(`import.refuse.hasErrors|count=${invalid}`);
    if (p.rows.length === 0) throw new ActionError("import.refuse.nothingValid");
    const { logs } = applyPlan(sqlite, p, { userId: user.id, now: nowIso(), scope: user.scope });
    const counts = { ...p.totals, skipped: mode === "validOnly" ? invalid : 0 };
    audit({
      objectType: "import",
      message: file.name,
      detail: {
        registry,
        file: file.name,
        mode,
        counts,
        sheets: Object.fromEntries(p.sheets.map((s) => [s.key, s.counts])),
      },
    });
    afterLog((importLogId) =>
      writeRecordLogs(
        sqlite,
        logs,
        { userId: user.id, username: user.username, role: user.role, ip },
        {
          importLogId,
          file: file.name,
        },
      ),
    );
    return { registry, file: file.name, counts, list: REGISTRY_SPECS[registry].list };
  },
  revalidate: (i) => [REGISTRY_SPECS[i.registry].list, "/"],
});
