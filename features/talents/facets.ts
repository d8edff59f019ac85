// The list filters kept in the URL (besides q/sort/page). Its own module: the client table imports it without
// pulling the zod schemas into the browser bundle.
export const TALENT_FACETS = ["category", "kind", "yearFrom", "yearTo"];

/** The columns the server sorts by (the list query's whitelist); the table's headers for them are sort buttons. */
export const TALENT_SORTS = ["name", "recognisedYear", "createdAt"] as const;
