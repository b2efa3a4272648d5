/**
 * 事業所情報の変更 set-up shared by the integration and fuzz tests: the change form's valid submission and a pending
 * request made through the Worker.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { parseIndustryCsv } from "../../app/lib/industry";
import { currentFormValues } from "../../app/models/establishment-change.server";
import industriesCsv from "../../data/reference/industries.csv?raw";
import { getDb, schema } from "../../app/utils/db.server";
import type { MyPage } from "./mypage";
import { postForm } from "./worker";

const db = () => getDb(env);
const req = schema.establishmentChangeRequests;

/** The current values with some changed: a valid submission of the change form. */
export function changeForm(establishment: typeof schema.establishments.$inferSelect, overrides: Record<string, string> = {}): Record<string, string> {
  return { ...currentFormValues(establishment, parseIndustryCsv(industriesCsv)), ...overrides };
}

export async function requestsOf(establishmentId: string) {
  return db().select().from(req).where(eq(req.establishmentId, establishmentId)).orderBy(req.createdAt).all();
}

/** A pending request that changes the name and the phone. */
export async function pendingRequest(employer: MyPage) {
  const res = await postForm(
    "/mypage/establishment",
    changeForm(employer.establishment, { name: "株式会社日光ゆば工房 本店", phone: "0288-99-1234" }),
    employer.cookie,
  );
  expect(res.status).toBe(303);
  const [request] = (await requestsOf(employer.establishment.id)).filter((r) => r.status === "pending");
  return request!;
}
