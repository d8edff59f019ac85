-- 全局搜索's index rebuilt lighter (issue 18: the import's index upkeep): detail = 'none' and columnsize = 0 store
-- only which records hold a trigram (no column lists, no per-column sizes: ~40 % less to write and merge per record,
-- the index ~45 % smaller). A column is then told apart by its alphabet, with a case-sensitive tokenizer: names
-- and initials lower case (and Han), credit codes and the full pinyin upper case, so a name fragment's trigrams are
-- a name's or the initials', never a code's or the pinyin's; every substring is confirmed by GLOB on the stored
-- column (features/registry/search-index.ts). The vocabulary lists terms without their column ('row').
DROP TABLE search_vocab;
--> statement-breakpoint
DROP TABLE search_index;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_index USING fts5(name, code, pinyin, initials, tokenize = 'trigram case_sensitive 1', detail = 'none', columnsize = 0);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row');
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 1 * 1099511627776 + id FROM enterprises;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 2 * 1099511627776 + id FROM institutions;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 3 * 1099511627776 + id FROM incubators;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 4 * 1099511627776 + id FROM talents;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 5 * 1099511627776 + id FROM award_lines;
