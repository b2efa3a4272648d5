import { describe, expect, it } from "vitest";
import {
  corporateNumberCheckDigit,
  formatEstablishmentNumber,
  formatJobNumber,
  isValidCorporateNumber,
  isValidEstablishmentNumber,
} from "../../app/lib/identifiers";

describe("identifiers", () => {
  it("R-OPEN-1: 法人番号 check digits follow the National Tax Agency formula", () => {
    for (const n of ["5835678256246", "1180301018771", "7000012050002", "2021001052596"]) {
      expect(isValidCorporateNumber(n)).toBe(true);
      expect(corporateNumberCheckDigit(n.slice(1))).toBe(Number(n[0]));
    }
    expect(isValidCorporateNumber("5835678256247")).toBe(false);
    expect(isValidCorporateNumber("6835678256246")).toBe(false);
    expect(isValidCorporateNumber("583567825624")).toBe(false);
  });

  it("R-OPEN-1: 事業所番号 is NNNN-NNNNNN-N with our documented Luhn check digit", () => {
    const n = formatEstablishmentNumber("0910", 1);
    expect(n).toMatch(/^0910-000001-\d$/);
    expect(isValidEstablishmentNumber(n)).toBe(true);
    const wrong = `${n.slice(0, -1)}${(Number(n.slice(-1)) + 1) % 10}`;
    expect(isValidEstablishmentNumber(wrong)).toBe(false);
    // Swapping two adjacent digits is caught (Luhn catches single-digit errors and most transpositions).
    expect(isValidEstablishmentNumber(n.replace("0910-000001", "0910-000010"))).toBe(false);
  });

  it("formats 求人番号 as the office's 5-digit code and an 8-digit serial", () => {
    expect(formatJobNumber("13010", 45892141)).toBe("13010-45892141");
    expect(formatJobNumber("09100", 7)).toBe("09100-00000007");
    expect(() => formatJobNumber("1301", 1)).toThrow(RangeError);
  });
});
