// The list filters kept in the URL (besides q/sort/page). Its own module: the client table imports it without
// pulling the zod schemas into the browser bundle.
export const INSTITUTION_FACETS = ["type", "level", "status", "yearFrom", "yearTo"];
