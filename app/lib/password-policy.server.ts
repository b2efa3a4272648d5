/**
 * The server-only half of the password policy (R-OPEN-6, NIST SP 800-63B): refused if it is a common password
 * (list shipped with the app) or contains the e-mail address's local part. Messages are Japanese and say how to
 * fix it.
 */
import commonPasswordsText from "../content/common-passwords.txt?raw";
import { emailLocalPart } from "./normalize";
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from "./password-policy";

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    commonPasswordsText
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

/** null when acceptable, otherwise the Japanese reason. */
export function passwordProblem(password: string, email?: string): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return `パスワードは${PASSWORD_MIN}文字以上で入力してください（現在${length}文字）。`;
  if (length > PASSWORD_MAX) return `パスワードは${PASSWORD_MAX}文字以内で入力してください。`;
  const lowered = password.normalize("NFKC").toLowerCase();
  if (commonPasswords().has(lowered)) {
    return "よく使われていて推測されやすいパスワードです。別のパスワードにしてください（複数の単語を組み合わせた長い文にすると覚えやすく安全です）。";
  }
  if (/^(.)\1+$/u.test(lowered)) return "同じ文字の繰り返しは使えません。別のパスワードにしてください。";
  if (email) {
    const local = emailLocalPart(email);
    if (local.length >= 3 && lowered.includes(local)) {
      return "メールアドレスの「@」より前の部分を含むパスワードは使えません。";
    }
  }
  return null;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize("NFKC").toLowerCase());
}
