/**
 * The online 仮登録's deadline (R-OPEN-8): the registrant must come to the office for 本登録 by `expiresOn` (JST date,
 * already moved to the previous open day where the 14th day is closed). After it the registration is closed: the daily
 * job erases it, and until it has run nothing may be saved into it any more (事業所情報, its 求人).
 */
import { formatJapaneseDate } from "../lib/clock";

export function provisionalDeadlinePassed(expiresOn: string, today: string): boolean {
  return expiresOn < today;
}

export function provisionalClosedMessage(expiresOn: string): string {
  return `本登録の期限（${formatJapaneseDate(expiresOn)}）を過ぎたため、この仮登録には保存できません。仮登録の内容は消去されます。改めて仮登録をするか、管轄のハローワークにご相談ください。`;
}
