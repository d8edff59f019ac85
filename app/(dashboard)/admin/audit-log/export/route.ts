import { auditLogExport } from "@/features/audit-log/export";

// GET /admin/audit-log/export?<the page's filter> → the matching operation log as .xlsx, streamed (itself logged).
export function GET(request: Request) {
  return auditLogExport(request);
}
