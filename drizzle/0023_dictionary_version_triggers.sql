-- Every change of dictionary_items raises dictionary_version.version (caches of labels and options compare it).
INSERT OR IGNORE INTO dictionary_version (id, version) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER dictionary_items_version_ai AFTER INSERT ON dictionary_items BEGIN UPDATE dictionary_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER dictionary_items_version_au AFTER UPDATE ON dictionary_items BEGIN UPDATE dictionary_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER dictionary_items_version_ad AFTER DELETE ON dictionary_items BEGIN UPDATE dictionary_version SET version = version + 1 WHERE id = 1; END;
