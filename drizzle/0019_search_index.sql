-- 全局搜索 (features/registry/search-index.ts). search_index: FTS5 trigram over each registry record's folded name and
-- credit code (between ^ and $, so exact and prefix matches are patterns too), full pinyin and initials (both
-- readings of polyphonic characters). detail=column keeps maintenance cheap: substrings are matched with LIKE
-- (the trigram index narrows, the stored text confirms); a 2-character fragment is the OR of the trigrams that
-- start with it (search_vocab), every fragment being followed by at least the $ marker. rowid = partition * 2^40 +
-- record id, partition = registry * 2 + deleted (a soft-deleted record leaves the live partition). The pinyin is
-- computed in JS, so triggers only queue the records whose searched text changed (search_queue); the write path
-- drains the queue inside its own transaction, and readers drain whatever another writer left (a raw SQL fix, this
-- migration's backfill). Personal data (phones, ID numbers) is never indexed.
CREATE VIRTUAL TABLE search_index USING fts5(name, code, pinyin, initials, tokenize = 'trigram', detail = 'column');
--> statement-breakpoint
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'col');
--> statement-breakpoint
CREATE TRIGGER enterprises_search_ai AFTER INSERT ON enterprises BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (1 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER enterprises_search_au AFTER UPDATE ON enterprises WHEN OLD.name IS NOT NEW.name OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.credit_code IS NOT NEW.credit_code BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (1 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER enterprises_search_ad AFTER DELETE ON enterprises BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (1 * 1099511627776 + OLD.id); END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 1 * 1099511627776 + id FROM enterprises;
--> statement-breakpoint
CREATE TRIGGER institutions_search_ai AFTER INSERT ON institutions BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (2 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER institutions_search_au AFTER UPDATE ON institutions WHEN OLD.name IS NOT NEW.name OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (2 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER institutions_search_ad AFTER DELETE ON institutions BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (2 * 1099511627776 + OLD.id); END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 2 * 1099511627776 + id FROM institutions;
--> statement-breakpoint
CREATE TRIGGER incubators_search_ai AFTER INSERT ON incubators BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (3 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER incubators_search_au AFTER UPDATE ON incubators WHEN OLD.name IS NOT NEW.name OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (3 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER incubators_search_ad AFTER DELETE ON incubators BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (3 * 1099511627776 + OLD.id); END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 3 * 1099511627776 + id FROM incubators;
--> statement-breakpoint
CREATE TRIGGER talents_search_ai AFTER INSERT ON talents BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (4 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER talents_search_au AFTER UPDATE ON talents WHEN OLD.name IS NOT NEW.name OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (4 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER talents_search_ad AFTER DELETE ON talents BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (4 * 1099511627776 + OLD.id); END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 4 * 1099511627776 + id FROM talents;
