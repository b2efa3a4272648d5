import { describe, expect, it } from "vitest";
import { checkLengths, countCharacters, countLines, normalizePostingText } from "../../app/rules/posting";
import { codes, posting } from "./posting-fixture";

describe("length limits with full-width/half-width normalisation (R-JOB-1)", () => {
  it("R-JOB-1: text is normalised by NFKC: full-width Latin and digits, half-width katakana with voicing marks", () => {
    expect(normalizePostingText("ＰＣ操作　１２３\r\n")).toBe("PC操作 123");
    expect(countCharacters("ｶﾞｲﾄﾞ")).toBe(3); // ガイド
    expect(countCharacters("が")).toBe(1); // か + combining dakuten
    expect(countCharacters("一行目\r\n二行目")).toBe(6);
    expect(countLines("一行目\r\n二行目\n\n")).toBe(2);
  });

  it("R-JOB-1: 職種 is at most 28 characters on 1 line, full-width and half-width alike", () => {
    expect(checkLengths(posting({ jobTitle: "あ".repeat(28) }))).toEqual([]);
    expect(checkLengths(posting({ jobTitle: "Ａ".repeat(28) }))).toEqual([]);
    const tooLong = checkLengths(posting({ jobTitle: "あ".repeat(29) }));
    expect(codes(tooLong)).toEqual(["error:length.too-long"]);
    expect(tooLong[0]!.field).toBe("jobTitle");
    expect(tooLong[0]!.message).toContain("28文字以内");
    // 28 half-width katakana with voicing marks are 28 characters after NFKC, not 56.
    expect(checkLengths(posting({ jobTitle: "ｶﾞ".repeat(28) }))).toEqual([]);
    expect(codes(checkLengths(posting({ jobTitle: "営業\n事務" })))).toEqual(["error:length.too-many-lines"]);
  });

  it("R-JOB-1: 仕事内容 is at most 360 characters and 12 lines", () => {
    expect(checkLengths(posting({ jobDescription: "あ".repeat(360) }))).toEqual([]);
    expect(codes(checkLengths(posting({ jobDescription: "あ".repeat(361) })))).toEqual(["error:length.too-long"]);
    const twelve = Array.from({ length: 12 }, () => "あ".repeat(29)).join("\r\n");
    expect(checkLengths(posting({ jobDescription: twelve }))).toEqual([]);
    expect(codes(checkLengths(posting({ jobDescription: `${twelve}\nい` })))).toEqual(["error:length.too-many-lines"]);
  });

  it("R-JOB-1: 休日等 is at most 60 characters and 2 lines; 求人に関する特記事項 at most 600", () => {
    expect(checkLengths(posting({ hours: { holidaysText: "土".repeat(60) } }))).toEqual([]);
    const holidays = checkLengths(posting({ hours: { holidaysText: "土".repeat(61) } }));
    expect(codes(holidays)).toEqual(["error:length.too-long"]);
    expect(holidays[0]!.field).toBe("hours.holidaysText");
    expect(checkLengths(posting({ specialNotes: "特".repeat(600) }))).toEqual([]);
    expect(codes(checkLengths(posting({ specialNotes: "特".repeat(601) })))).toEqual(["error:length.too-long"]);
  });
});
