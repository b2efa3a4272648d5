/**
 * Japanese fallback messages for zod (global config). Schemas give their own field messages; this
 * catches what they do not cover — for example Conform turning an input that normalises to "" into
 * `undefined` inside a pipe — so a user never sees an English message. Imported by every schema
 * module and by both entries.
 */
import { z } from "zod";

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === "" ? "この項目を入力してください。" : "入力の形式が正しくありません。";
      case "too_big":
        return typeof issue.maximum === "number" ? `${issue.maximum}文字以内で入力してください。` : "入力が長すぎます。";
      case "too_small":
        return typeof issue.minimum === "number" && issue.minimum <= 1
          ? "この項目を入力してください。"
          : `${String(issue.minimum)}文字以上で入力してください。`;
      case "invalid_format":
        return "入力の形式が正しくありません。";
      case "invalid_value":
        return "選択肢から選んでください。";
      default:
        return "入力内容を確認してください。";
    }
  },
});

export { z };
