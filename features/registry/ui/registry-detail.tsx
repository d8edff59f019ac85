import "server-only";
import Link from "next/link";
import { formatAmount, WebLink } from "@/components/registry/cells";
import { DetailGrid } from "@/components/registry/detail-grid";
import { Badge } from "@/components/ui/badge";
import { type T, tDynamic } from "@/lib/i18n/core";
import { getLocale } from "@/lib/i18n/server";
import { maskIdNumber, maskPhone } from "@/lib/mask";
import { getDictionaryLabels } from "@/lib/registry/dictionaries";
import { getEnterpriseRefs } from "@/lib/registry/enterprise-lookup";
import { formatDateTime } from "@/lib/time";
import { type Column, columnOf, type RegistryDefinition } from "../define";

const kebab = (s: string) => s.replace(/Id$/, "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A record's fields as the definition's `detail` lists them: labels, dictionary and enum labels (badges where the
 * field declares tones), amounts with separators, times in Beijing time, linked enterprises (a deleted one is
 * marked, and linked only for those who may restore it), personal data masked. `overrides` replace a value with a
 * bespoke one (the phone with its logged reveal, a figure computed beside the record).
 */
export async function RegistryDetailGrid({
  t,
  definition: def,
  record,
  canRestore,
  overrides = {},
}: {
  t: T;
  definition: RegistryDefinition;
  record: Record<string, unknown>;
  canRestore: boolean;
  overrides?: Record<string, React.ReactNode>;
}) {
  const keys = def.detail ?? [];
  const refIds = keys.flatMap((k) => {
    const v = record[k];
    return columnOf(def, k).kind === "enterpriseRef" && typeof v === "number" ? [v] : [];
  });
  const refs = await getEnterpriseRefs(refIds);
  const dictLabels = keys.some((k) => columnOf(def, k).kind === "dict")
    ? getDictionaryLabels(await getLocale())
    : new Map();

  const value = (key: string, c: Column): React.ReactNode => {
    const v = record[key];
    if (c.mask === "phone") return maskPhone(v as string | null);
    if (c.mask === "idNumber") return maskIdNumber(v as string | null);
    if (v === null || v === undefined || v === "") return null;
    switch (c.kind) {
      case "dict":
        return dictLabels.get(v as number) ?? String(v);
      case "enum": {
        const label = tDynamic(t, `${c.labels}.${v}`, String(v));
        const tone = c.tones?.[String(v)];
        return tone ? <Badge tone={tone}>{label}</Badge> : label;
      }
      case "number":
        return formatAmount(v as number);
      case "bool":
        return v ? t("common.yes") : t("common.no");
      case "datetime":
        return formatDateTime(String(v));
      case "creditCode":
        return <span className="font-mono">{String(v)}</span>;
      case "url":
        return <WebLink href={String(v)} />;
      case "enterpriseRef": {
        const ref = refs.get(v as number);
        if (!ref) return String(v);
        return (
          <span>
            {/* A deleted enterprise's page is only open to those who may restore it. */}
            {!ref.deleted || canRestore ? (
              <Link
                href={`/enterprises/${v}`}
                className="text-brand-700 hover:underline"
                data-testid={`${kebab(key)}-link`}
                translate="no"
              >
                {ref.name}
              </Link>
            ) : (
              <span translate="no">{ref.name}</span>
            )}
            {ref.deleted ? (
              <Badge tone="bad" className="ml-1">
                {t("registry.deletedBadge")}
              </Badge>
            ) : null}
          </span>
        );
      }
      case "text":
        // A record's own text (names, addresses, notes) is data: never translated.
        return <span translate="no">{String(v)}</span>;
      default:
        return String(v);
    }
  };

  return (
    <DetailGrid
      items={keys.map((key) => {
        const c = columnOf(def, key);
        return {
          label: t(c.detail?.label ?? c.label),
          value: overrides[key] !== undefined ? overrides[key] : value(key, c),
        };
      })}
    />
  );
}
