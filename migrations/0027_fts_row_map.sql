-- Issue 14: the FTS rows of a posting or a seeker are found through a row map, not by scanning. The FTS5 tables of
-- migration 0019 key their rows by the base row's id in an UNINDEXED column, so the triggers' `DELETE … WHERE id = old.id`
-- read every FTS row: each 受理 (search text rewritten), each erased posting and each deleted seeker cost a scan of the
-- whole index (14 ms per posting at 12 000 indexed postings here, growing with the table — the erasure job grew with
-- postings deleted × postings indexed). Now `<fts>_rows (id → fts_rowid)` is kept by the same triggers (the FTS
-- rowid of the row just inserted: last_insert_rowid(), which FTS5's insert sets), and a delete is two primary-key
-- lookups. FTS5 rowids are stored explicitly, so VACUUM does not renumber them. The search itself is unchanged.
-- Note for `wrangler d1 export` (see 0019): drop the FTS tables and these maps, and re-run 0019's and this file's statements after an import.
--> statement-breakpoint
CREATE TABLE `job_postings_fts_rows` (`id` text PRIMARY KEY NOT NULL, `fts_rowid` integer NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `job_postings_fts_rows` (id, fts_rowid) SELECT id, rowid FROM job_postings_fts WHERE true ON CONFLICT(id) DO NOTHING;
--> statement-breakpoint
DROP TRIGGER `job_postings_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `job_postings_fts_update`;
--> statement-breakpoint
DROP TRIGGER `job_postings_fts_delete`;
--> statement-breakpoint
CREATE TRIGGER `job_postings_fts_insert` AFTER INSERT ON `job_postings` WHEN new.search_text IS NOT NULL
BEGIN
  INSERT INTO job_postings_fts (id, text) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(new.search_text), 'ァ', 'ぁ'), 'ア', 'あ'), 'ィ', 'ぃ'), 'イ', 'い'), 'ゥ', 'ぅ'), 'ウ', 'う'), 'ェ', 'ぇ'), 'エ', 'え'), 'ォ', 'ぉ'), 'オ', 'お'), 'カ', 'か'), 'ガ', 'が'), 'キ', 'き'), 'ギ', 'ぎ'), 'ク', 'く'), 'グ', 'ぐ'), 'ケ', 'け'), 'ゲ', 'げ'), 'コ', 'こ'), 'ゴ', 'ご'), 'サ', 'さ'), 'ザ', 'ざ'), 'シ', 'し'), 'ジ', 'じ'), 'ス', 'す'), 'ズ', 'ず'), 'セ', 'せ'), 'ゼ', 'ぜ'), 'ソ', 'そ'), 'ゾ', 'ぞ'), 'タ', 'た'), 'ダ', 'だ'), 'チ', 'ち'), 'ヂ', 'ぢ'), 'ッ', 'っ'), 'ツ', 'つ'), 'ヅ', 'づ'), 'テ', 'て'), 'デ', 'で'), 'ト', 'と'), 'ド', 'ど'), 'ナ', 'な'), 'ニ', 'に'), 'ヌ', 'ぬ'), 'ネ', 'ね'), 'ノ', 'の'), 'ハ', 'は'), 'バ', 'ば'), 'パ', 'ぱ'), 'ヒ', 'ひ'), 'ビ', 'び'), 'ピ', 'ぴ'), 'フ', 'ふ'), 'ブ', 'ぶ'), 'プ', 'ぷ'), 'ヘ', 'へ'), 'ベ', 'べ'), 'ペ', 'ぺ'), 'ホ', 'ほ'), 'ボ', 'ぼ'), 'ポ', 'ぽ'), 'マ', 'ま'), 'ミ', 'み'), 'ム', 'む'), 'メ', 'め'), 'モ', 'も'), 'ャ', 'ゃ'), 'ヤ', 'や'), 'ュ', 'ゅ'), 'ユ', 'ゆ'), 'ョ', 'ょ'), 'ヨ', 'よ'), 'ラ', 'ら'), 'リ', 'り'), 'ル', 'る'), 'レ', 'れ'), 'ロ', 'ろ'), 'ヮ', 'ゎ'), 'ワ', 'わ'), 'ヰ', 'ゐ'), 'ヱ', 'ゑ'), 'ヲ', 'を'), 'ン', 'ん'), 'ヴ', 'ゔ'), 'ヵ', 'ゕ'), 'ヶ', 'ゖ'));
  INSERT INTO job_postings_fts_rows (id, fts_rowid) VALUES (new.id, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `job_postings_fts_update` AFTER UPDATE OF search_text ON `job_postings`
BEGIN
  DELETE FROM job_postings_fts WHERE rowid = (SELECT fts_rowid FROM job_postings_fts_rows WHERE id = old.id);
  DELETE FROM job_postings_fts_rows WHERE id = old.id;
  INSERT INTO job_postings_fts (id, text) SELECT new.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(new.search_text), 'ァ', 'ぁ'), 'ア', 'あ'), 'ィ', 'ぃ'), 'イ', 'い'), 'ゥ', 'ぅ'), 'ウ', 'う'), 'ェ', 'ぇ'), 'エ', 'え'), 'ォ', 'ぉ'), 'オ', 'お'), 'カ', 'か'), 'ガ', 'が'), 'キ', 'き'), 'ギ', 'ぎ'), 'ク', 'く'), 'グ', 'ぐ'), 'ケ', 'け'), 'ゲ', 'げ'), 'コ', 'こ'), 'ゴ', 'ご'), 'サ', 'さ'), 'ザ', 'ざ'), 'シ', 'し'), 'ジ', 'じ'), 'ス', 'す'), 'ズ', 'ず'), 'セ', 'せ'), 'ゼ', 'ぜ'), 'ソ', 'そ'), 'ゾ', 'ぞ'), 'タ', 'た'), 'ダ', 'だ'), 'チ', 'ち'), 'ヂ', 'ぢ'), 'ッ', 'っ'), 'ツ', 'つ'), 'ヅ', 'づ'), 'テ', 'て'), 'デ', 'で'), 'ト', 'と'), 'ド', 'ど'), 'ナ', 'な'), 'ニ', 'に'), 'ヌ', 'ぬ'), 'ネ', 'ね'), 'ノ', 'の'), 'ハ', 'は'), 'バ', 'ば'), 'パ', 'ぱ'), 'ヒ', 'ひ'), 'ビ', 'び'), 'ピ', 'ぴ'), 'フ', 'ふ'), 'ブ', 'ぶ'), 'プ', 'ぷ'), 'ヘ', 'へ'), 'ベ', 'べ'), 'ペ', 'ぺ'), 'ホ', 'ほ'), 'ボ', 'ぼ'), 'ポ', 'ぽ'), 'マ', 'ま'), 'ミ', 'み'), 'ム', 'む'), 'メ', 'め'), 'モ', 'も'), 'ャ', 'ゃ'), 'ヤ', 'や'), 'ュ', 'ゅ'), 'ユ', 'ゆ'), 'ョ', 'ょ'), 'ヨ', 'よ'), 'ラ', 'ら'), 'リ', 'り'), 'ル', 'る'), 'レ', 'れ'), 'ロ', 'ろ'), 'ヮ', 'ゎ'), 'ワ', 'わ'), 'ヰ', 'ゐ'), 'ヱ', 'ゑ'), 'ヲ', 'を'), 'ン', 'ん'), 'ヴ', 'ゔ'), 'ヵ', 'ゕ'), 'ヶ', 'ゖ') WHERE new.search_text IS NOT NULL;
  INSERT INTO job_postings_fts_rows (id, fts_rowid) SELECT new.id, last_insert_rowid() WHERE new.search_text IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `job_postings_fts_delete` AFTER DELETE ON `job_postings`
BEGIN
  DELETE FROM job_postings_fts WHERE rowid = (SELECT fts_rowid FROM job_postings_fts_rows WHERE id = old.id);
  DELETE FROM job_postings_fts_rows WHERE id = old.id;
END;
--> statement-breakpoint
CREATE TABLE `job_seekers_fts_rows` (`id` text PRIMARY KEY NOT NULL, `fts_rowid` integer NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `job_seekers_fts_rows` (id, fts_rowid) SELECT id, rowid FROM job_seekers_fts WHERE true ON CONFLICT(id) DO NOTHING;
--> statement-breakpoint
DROP TRIGGER `job_seekers_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `job_seekers_fts_update`;
--> statement-breakpoint
DROP TRIGGER `job_seekers_fts_delete`;
--> statement-breakpoint
CREATE TRIGGER `job_seekers_fts_insert` AFTER INSERT ON `job_seekers`
BEGIN
  INSERT INTO job_seekers_fts (id, text) VALUES (new.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(new.desired_occupation || ' ' || new.licences || ' ' || new.work_history || ' ' || new.self_pr), 'ァ', 'ぁ'), 'ア', 'あ'), 'ィ', 'ぃ'), 'イ', 'い'), 'ゥ', 'ぅ'), 'ウ', 'う'), 'ェ', 'ぇ'), 'エ', 'え'), 'ォ', 'ぉ'), 'オ', 'お'), 'カ', 'か'), 'ガ', 'が'), 'キ', 'き'), 'ギ', 'ぎ'), 'ク', 'く'), 'グ', 'ぐ'), 'ケ', 'け'), 'ゲ', 'げ'), 'コ', 'こ'), 'ゴ', 'ご'), 'サ', 'さ'), 'ザ', 'ざ'), 'シ', 'し'), 'ジ', 'じ'), 'ス', 'す'), 'ズ', 'ず'), 'セ', 'せ'), 'ゼ', 'ぜ'), 'ソ', 'そ'), 'ゾ', 'ぞ'), 'タ', 'た'), 'ダ', 'だ'), 'チ', 'ち'), 'ヂ', 'ぢ'), 'ッ', 'っ'), 'ツ', 'つ'), 'ヅ', 'づ'), 'テ', 'て'), 'デ', 'で'), 'ト', 'と'), 'ド', 'ど'), 'ナ', 'な'), 'ニ', 'に'), 'ヌ', 'ぬ'), 'ネ', 'ね'), 'ノ', 'の'), 'ハ', 'は'), 'バ', 'ば'), 'パ', 'ぱ'), 'ヒ', 'ひ'), 'ビ', 'び'), 'ピ', 'ぴ'), 'フ', 'ふ'), 'ブ', 'ぶ'), 'プ', 'ぷ'), 'ヘ', 'へ'), 'ベ', 'べ'), 'ペ', 'ぺ'), 'ホ', 'ほ'), 'ボ', 'ぼ'), 'ポ', 'ぽ'), 'マ', 'ま'), 'ミ', 'み'), 'ム', 'む'), 'メ', 'め'), 'モ', 'も'), 'ャ', 'ゃ'), 'ヤ', 'や'), 'ュ', 'ゅ'), 'ユ', 'ゆ'), 'ョ', 'ょ'), 'ヨ', 'よ'), 'ラ', 'ら'), 'リ', 'り'), 'ル', 'る'), 'レ', 'れ'), 'ロ', 'ろ'), 'ヮ', 'ゎ'), 'ワ', 'わ'), 'ヰ', 'ゐ'), 'ヱ', 'ゑ'), 'ヲ', 'を'), 'ン', 'ん'), 'ヴ', 'ゔ'), 'ヵ', 'ゕ'), 'ヶ', 'ゖ'));
  INSERT INTO job_seekers_fts_rows (id, fts_rowid) VALUES (new.id, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `job_seekers_fts_update` AFTER UPDATE OF desired_occupation, licences, work_history, self_pr ON `job_seekers`
BEGIN
  DELETE FROM job_seekers_fts WHERE rowid = (SELECT fts_rowid FROM job_seekers_fts_rows WHERE id = old.id);
  DELETE FROM job_seekers_fts_rows WHERE id = old.id;
  INSERT INTO job_seekers_fts (id, text) SELECT new.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(new.desired_occupation || ' ' || new.licences || ' ' || new.work_history || ' ' || new.self_pr), 'ァ', 'ぁ'), 'ア', 'あ'), 'ィ', 'ぃ'), 'イ', 'い'), 'ゥ', 'ぅ'), 'ウ', 'う'), 'ェ', 'ぇ'), 'エ', 'え'), 'ォ', 'ぉ'), 'オ', 'お'), 'カ', 'か'), 'ガ', 'が'), 'キ', 'き'), 'ギ', 'ぎ'), 'ク', 'く'), 'グ', 'ぐ'), 'ケ', 'け'), 'ゲ', 'げ'), 'コ', 'こ'), 'ゴ', 'ご'), 'サ', 'さ'), 'ザ', 'ざ'), 'シ', 'し'), 'ジ', 'じ'), 'ス', 'す'), 'ズ', 'ず'), 'セ', 'せ'), 'ゼ', 'ぜ'), 'ソ', 'そ'), 'ゾ', 'ぞ'), 'タ', 'た'), 'ダ', 'だ'), 'チ', 'ち'), 'ヂ', 'ぢ'), 'ッ', 'っ'), 'ツ', 'つ'), 'ヅ', 'づ'), 'テ', 'て'), 'デ', 'で'), 'ト', 'と'), 'ド', 'ど'), 'ナ', 'な'), 'ニ', 'に'), 'ヌ', 'ぬ'), 'ネ', 'ね'), 'ノ', 'の'), 'ハ', 'は'), 'バ', 'ば'), 'パ', 'ぱ'), 'ヒ', 'ひ'), 'ビ', 'び'), 'ピ', 'ぴ'), 'フ', 'ふ'), 'ブ', 'ぶ'), 'プ', 'ぷ'), 'ヘ', 'へ'), 'ベ', 'べ'), 'ペ', 'ぺ'), 'ホ', 'ほ'), 'ボ', 'ぼ'), 'ポ', 'ぽ'), 'マ', 'ま'), 'ミ', 'み'), 'ム', 'む'), 'メ', 'め'), 'モ', 'も'), 'ャ', 'ゃ'), 'ヤ', 'や'), 'ュ', 'ゅ'), 'ユ', 'ゆ'), 'ョ', 'ょ'), 'ヨ', 'よ'), 'ラ', 'ら'), 'リ', 'り'), 'ル', 'る'), 'レ', 'れ'), 'ロ', 'ろ'), 'ヮ', 'ゎ'), 'ワ', 'わ'), 'ヰ', 'ゐ'), 'ヱ', 'ゑ'), 'ヲ', 'を'), 'ン', 'ん'), 'ヴ', 'ゔ'), 'ヵ', 'ゕ'), 'ヶ', 'ゖ');
  INSERT INTO job_seekers_fts_rows (id, fts_rowid) SELECT new.id, last_insert_rowid();
END;
--> statement-breakpoint
CREATE TRIGGER `job_seekers_fts_delete` AFTER DELETE ON `job_seekers`
BEGIN
  DELETE FROM job_seekers_fts WHERE rowid = (SELECT fts_rowid FROM job_seekers_fts_rows WHERE id = old.id);
  DELETE FROM job_seekers_fts_rows WHERE id = old.id;
END;
