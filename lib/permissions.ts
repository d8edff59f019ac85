import type { Role } from "@/db/schema";

/**
 * The one role → permission table. Pages, menus, the data-access layer and the action
 * wrapper all ask this table; nothing else decides who may do what.
 */
export const PERMISSIONS = [
  "registry.read",
  "registry.write",
  "registry.restore",
  /** 科室审核: approve or return what scoped users submitted (only with a 全区 data scope). */
  "registry.review",
  "personal.reveal",
  "indicator.read",
  "indicator.write",
  "report.read",
  "report.export",
  "report.write",
  "report.reopen",
  "import.run",
  "user.manage",
  "dictionary.manage",
  "audit.read",
  "auditor.manage",
  /** 政策兑现: read the catalogue and batches; prepare/review/publicise/pay; approve (局领导); maintain the catalogue. */
  "award.read",
  "award.prepare",
  "award.approve",
  "award.policy",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Permission[] = [
  "registry.read",
  "registry.write",
  "registry.review",
  "personal.reveal",
  "indicator.read",
  "indicator.write",
  "report.read",
  "report.export",
  "report.write",
  "import.run",
  "award.read",
  "award.prepare",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Separation of duties (三权分立): the admin runs the system but does not read the audit trail.
  admin: [...STAFF, "registry.restore", "report.reopen", "user.manage", "dictionary.manage", "award.policy"],
  staff: STAFF,
  leader: ["registry.read", "indicator.read", "report.read", "report.export", "award.read", "award.approve"],
  // Auditor accounts are created and reset only by an auditor (or `npm run user:create-auditor` on the server).
  auditor: ["audit.read", "auditor.manage"],
};

/**
 * Roles the admin may give (create with, or change to). Never the auditor's: 三权分立 holds against the admin,
 * who also cannot touch an existing auditor account (see features/users/actions.ts).
 */
export const ADMIN_ASSIGNABLE_ROLES = ["admin", "staff", "leader"] as const satisfies readonly Role[];
export function adminMayManage(role: Role): boolean {
  return (ADMIN_ASSIGNABLE_ROLES as readonly Role[]).includes(role);
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && ROLE_PERMISSIONS[role].includes(permission);
}
