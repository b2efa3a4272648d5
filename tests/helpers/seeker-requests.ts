/**
 * 直接リクエスト rows for the seeker's side (issue 12): written directly, as /mypage/requests would leave them, so the
 * seeker's tests (answer, authorisation, fuzz) do not depend on the employer's form.
 */
import { newId } from "../../app/lib/ids";
import { schema } from "../../app/utils/db.server";
import { NOW } from "./clock";
import { db } from "./factories";
import type { MyPage } from "./mypage";

export type DirectRequestRow = typeof schema.directRequests.$inferSelect;

export async function directRequest(
  page: MyPage,
  postingId: string,
  seekerId: string,
  overrides: Partial<typeof schema.directRequests.$inferInsert> = {},
): Promise<DirectRequestRow> {
  const row: typeof schema.directRequests.$inferInsert = {
    id: newId(),
    postingId,
    establishmentId: page.establishment.id,
    seekerId,
    requestedBy: page.main.id,
    message: "製造スタッフを募集しています。ぜひご応募ください。",
    status: "requested",
    createdAt: Date.parse(NOW) - 3_600_000,
    ...overrides,
  };
  await db().insert(schema.directRequests).values(row);
  return row as DirectRequestRow;
}
