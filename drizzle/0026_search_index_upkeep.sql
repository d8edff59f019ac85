-- 全局搜索's index upkeep (issue 18: the import's share of it).
-- FTS5 no longer merges its segments inside the write that fills a level (automerge = 0); the app merges them after
-- the write has committed (features/registry/search-index.ts, scheduleMerge). FTS5 still merges inside a write if
-- 16 segments pile up on a level (crisismerge), so the layout stays bounded even if that never ran.
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
--> statement-breakpoint
-- An import's rows fill FTS5's pending terms several times over at the default 1 MB, each time written out as a
-- segment of its own (to be merged later); at 8 MB, a few times fewer.
INSERT INTO search_index (search_index, rank) VALUES ('hashsize', 8388608);
