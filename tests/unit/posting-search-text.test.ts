/**
 * issue 9 #8 (R-JOB-2): the search-text builder holds only what the posting's public page shows. For 公開希望 2 and 3 no
 * value that the anonymised content blanks (ホームページ, 就業場所の〒・所在地, 選考場所, 担当者) is in the text; for 公開希望
 * 1 the 就業場所 is; full-width and half-width input is folded (NFKC, lower case) either way.
 */
import { describe, expect, it } from "vitest";
import { anonymisedContent, publicFacts, searchTextOf, type PostingContent } from "../../app/rules/posting";
import { everyFieldPosting } from "./posting-fixture";

/** Every non-empty string of a value, with its path. */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return value.trim() ? [[path, value]] : [];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** The strings that the anonymised content leaves out (what the anonymised public page hides of the content). */
function hiddenStrings(content: PostingContent): [string, string][] {
  const kept = new Map(strings(anonymisedContent(content)));
  return strings(content).filter(([path, value]) => kept.get(path) !== value);
}

const content: PostingContent = {
  ...everyFieldPosting(),
  jobTitle: "ＷＥＢ担当スタッフ",
  company: { ...everyFieldPosting().company, homepage: "https://hitoku.example.jp" },
  workplaceDetail: { ...everyFieldPosting().workplaceDetail, postalCode: "321-1299", address: "日光市今市隠れ町９－８－７" },
  selection: { ...everyFieldPosting().selection, place: "隠れ町第二会館" },
};

describe("searchTextOf (R-JOB-2, issue 9 #8)", () => {
  it("R-JOB-2 issue 9 #8: the hidden fields are those the anonymised page blanks, and none of them is in the search text of 公開希望 2 or 3", () => {
    const hidden = hiddenStrings(content);
    expect(hidden.map(([path]) => path).sort()).toEqual(
      [
        "company.homepage",
        "pr.imageIds.0",
        "selection.contact.email",
        "selection.contact.extension",
        "selection.contact.fax",
        "selection.contact.name",
        "selection.contact.nameKana",
        "selection.contact.phone",
        "selection.contact.title",
        "selection.place",
        "workplaceDetail.address",
        "workplaceDetail.postalCode",
      ].sort(),
    );
    for (const publication of [2, 3] as const) {
      const text = searchTextOf(content, publication);
      expect(text).toContain("web担当スタッフ");
      for (const [path, value] of hidden) {
        expect(text, `${path} (公開希望 ${publication})`).not.toContain(value.normalize("NFKC").toLowerCase());
      }
      expect(text).not.toContain("隠れ町");
    }
  });

  it("R-JOB-2 issue 9 #8: 公開希望 1 (and 4, never public) keeps the 就業場所 in the text, folded to NFKC lower case", () => {
    expect(searchTextOf(content, 1)).toContain("日光市今市隠れ町9-8-7");
    expect(searchTextOf(content, 1)).toContain("web担当スタッフ");
  });

  it("R-JOB-2 issue 9 #8: publicFacts builds the text for the content's 公開希望, else the posting's", () => {
    expect(publicFacts(content, 1)).toMatchObject({ publication: 2 });
    expect(publicFacts(content, 1).searchText).not.toContain("隠れ町");
    const unset = { ...content, category: { ...content.category, publication: null } };
    expect(publicFacts(unset, 3)).toMatchObject({ publication: 3 });
    expect(publicFacts(unset, 3).searchText).not.toContain("隠れ町");
    expect(publicFacts(unset, 1).searchText).toContain("隠れ町");
  });
});
