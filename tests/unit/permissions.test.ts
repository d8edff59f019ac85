import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema";
import { NAV } from "@/lib/nav";
import { can, PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/permissions";

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
  it("the auditor reads the logs and nothing else", () => {
    expect(ROLE_PERMISSIONS.auditor).toEqual(["audit.read"]);
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
