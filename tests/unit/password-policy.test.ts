import { describe, expect, it } from "vitest";
import { isCommonPassword, passwordProblem } from "../../app/lib/password-policy.server";

describe("password policy", () => {
  it("R-OPEN-6: 12–128 characters counted as people count them, any characters allowed", () => {
    expect(passwordProblem("a".repeat(3) + "bcdefghijk")).toBeNull(); // 13
    expect(passwordProblem("abcdefghijk")).toMatch(/12文字以上/); // 11
    expect(passwordProblem("日光の朝霧と湯波の香りが好き")).toBeNull(); // Japanese, 14 characters
    expect(passwordProblem("😀😀😀😀😀😀x😀😀😀😀")).toMatch(/12文字以上/); // 11 code points (22 UTF-16 units)
    expect(passwordProblem("x".repeat(64) + "y".repeat(64))).toBeNull(); // 128
    expect(passwordProblem("x".repeat(64) + "y".repeat(65))).toMatch(/128文字以内/);
  });

  it("R-OPEN-6: refuses common passwords from the shipped list, whatever the case or width", () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(passwordProblem("Password1234")).toMatch(/よく使われて/);
    expect(passwordProblem("ｑｗｅｒｔｙｕｉｏｐ１２")).toMatch(/よく使われて/); // full-width form of qwertyuiop12
    expect(passwordProblem("111111111111")).toMatch(/よく使われて|同じ文字/);
    expect(passwordProblem("zzzzzzzzzzzzzzzz")).toMatch(/同じ文字/);
  });

  it("R-OPEN-6: refuses a password that contains the e-mail address's local part", () => {
    expect(passwordProblem("saiyo-tanto-2026!", "Saiyo@nikko-yuba.example.jp")).toMatch(/@」より前/);
    expect(passwordProblem("kinugawa-river-2026", "saiyo@nikko-yuba.example.jp")).toBeNull();
  });
});
