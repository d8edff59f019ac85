import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema";
import { NAV } from "@/lib/nav";
import { ADMIN_ASSIGNABLE_ROLES, adminMayManage, can, PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/permissions";

describe("role → permission table", () => {
  it("every role lists only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
  it("leaders read and export but never write", () => {
    for (const p of ["registry.write", "indicator.write", "report.write", "import.run", "user.manage"] as const)
      expect(can("leader", p)).toBe(false);
    for (const p of ["registry.read", "indicator.read", "report.read", "report.export"] as const)
      expect(can("leader", p)).toBe(true);
  });
  it("the auditor reads the logs and manages auditor accounts, nothing else", () => {
    expect(ROLE_PERMISSIONS.auditor).toEqual(["audit.read", "auditor.manage"]);
  });
  it("separation of duties: only the auditor manages auditors; the admin can never give the auditor role", () => {
    for (const role of ROLES) expect(can(role, "auditor.manage")).toBe(role === "auditor");
    expect(ADMIN_ASSIGNABLE_ROLES).not.toContain("auditor");
    expect(adminMayManage("auditor")).toBe(false);
    for (const role of ["admin", "staff", "leader"] as const) expect(adminMayManage(role)).toBe(true);
  });
  it("separation of duties: nobody but the auditor reads the audit log", () => {
    for (const role of ROLES) expect(can(role, "audit.read")).toBe(role === "auditor");
  });
  it("admin can do everything staff can, plus administration", () => {
    for (const p of ROLE_PERMISSIONS.staff) expect(can("admin", p)).toBe(true);
    expect(can("admin", "user.manage")).toBe(true);
    expect(can("staff", "user.manage")).toBe(false);
  });
  it("no role, no permission", () => {
    expect(can(undefined, "registry.read")).toBe(false);
  });
  it("every menu entry names a permission from the table", () => {
    for (const g of NAV) for (const i of g.items) expect(PERMISSIONS).toContain(i.permission);
  });
});
