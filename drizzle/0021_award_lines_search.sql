-- 全局搜索 over 政策兑现's award lines (issue 18): a line is found by the enterprise name and credit code it was computed with; partition 5 of search_index.
CREATE TRIGGER award_lines_search_ai AFTER INSERT ON award_lines BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (5 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER award_lines_search_au AFTER UPDATE ON award_lines WHEN OLD.enterprise_name IS NOT NEW.enterprise_name OR OLD.credit_code IS NOT NEW.credit_code BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (5 * 1099511627776 + NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER award_lines_search_ad AFTER DELETE ON award_lines BEGIN INSERT OR IGNORE INTO search_queue (key) VALUES (5 * 1099511627776 + OLD.id); END;
--> statement-breakpoint
INSERT OR IGNORE INTO search_queue (key) SELECT 5 * 1099511627776 + id FROM award_lines;
