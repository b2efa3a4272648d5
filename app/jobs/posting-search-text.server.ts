/**
 * issue 9 #8: every day, accepted postings without a search text (cleared by the data migration that took the hidden
 * addresses of 公開希望 2/3 out of the search) get it rebuilt for their 公開希望. Bounded chunks; once every posting has
 * its text a run reads nothing and writes nothing.
 */
import { fillMissingSearchTexts } from "../models/posting/search-text.server";
import type { Job } from "./job.server";

export const SEARCH_TEXT_CHUNK = 50;

export const postingSearchTextJob: Job = {
  name: "postings.searchText",
  frequency: "daily",
  description: "検索用テキストのない有効な求人について、公開範囲に合わせて検索用テキストを作り直す",
  async run({ db }) {
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const n = await fillMissingSearchTexts(db, SEARCH_TEXT_CHUNK);
      total += n;
      if (n < SEARCH_TEXT_CHUNK) break;
    }
    return total;
  },
};
