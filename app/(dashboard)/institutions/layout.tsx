import { requirePermission } from "@/lib/dal";

// Checked here, outside the loading.tsx boundary, so a role without registry access gets a real HTTP 403
// (inside the boundary the status line has already been sent when the page refuses). Pages check again.
export default async function InstitutionsLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("registry.read");
  return children;
}
