-- Issue 9 #8: postings of 公開希望 2/3 accepted before the fix hold their hidden address in search_text. Clearing it
-- closes the leak at once; the daily job postings.searchText refills it from the anonymised content (NFKC
-- normalisation cannot be done in SQL). Until then those postings are found by the filters and 求人番号, not by keyword.
UPDATE `job_postings` SET `search_text` = NULL WHERE `publication` IN (2, 3) AND `search_text` IS NOT NULL;
