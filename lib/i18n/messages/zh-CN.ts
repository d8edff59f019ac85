import { auditorsZh, dictionariesZh, usersZh } from "./sections/admin";
import { auditViewZh } from "./sections/audit-view";
import { awardsZh } from "./sections/awards";
import { kpiZh } from "./sections/kpi";
import { reportsZh } from "./sections/reports";
import { setupZh } from "./sections/setup";
import type { Widen } from "./widen";
import { zhShell } from "./zh-CN.shell";

// The whole zh-CN catalogue (zh-CN is the source of truth): the shell's sections (zh-CN.shell.ts) and those of
// particular pages, which reach the browser only with the pages that use them (lib/i18n/client-sections.ts).
export const zhPageSections = {
  auditView: auditViewZh,
  kpi: kpiZh,
  reports: reportsZh,
  setup: setupZh,
  awards: awardsZh,
  users: usersZh,
  auditors: auditorsZh,
  dictionaries: dictionariesZh,
} as const;

export const zhCN = { ...zhShell, ...zhPageSections } as const;

export type Messages = Widen<typeof zhCN>;
