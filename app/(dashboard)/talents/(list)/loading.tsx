import { TableSkeleton } from "@/components/data-table/table-skeleton";

// Scoped to the list (route group) so that the form and detail pages are not streamed behind a Suspense
// boundary: their 403 / 404 stay real HTTP statuses.
export default function Loading() {
  return <TableSkeleton />;
}
