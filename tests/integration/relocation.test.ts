/**
 * issue 13, 管轄の変更（移転） through the Worker (R-DEL-3, R-AUDIT-1): the officer of the old office picks the new office
 * (the same office refused beside the field), confirms, and one batch closes the My Page — status, postings stopped,
 * conversations closed, sessions deleted, a mail naming the new office, the audit row; the pages then say
 * 「閉鎖（管轄変更: ハローワーク宇都宮）」; sign-in names the new office; 利用不可, the lift and referrals are refused with a
 * message; another office gets 404.
 */
import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { NOW } from "../helpers/clock";
import { PASSWORD } from "../helpers/employer-signin";
import { createEmployerAccount, signIn } from "../helpers/factories";
import { flashMessage } from "../helpers/flash";
import { alertText, bodyText, fieldError, headings, links, parse, textOf } from "../helpers/html";
import { openMyPage } from "../helpers/mypage";
import { acceptedPosting, postingRow } from "../helpers/postings";
import { createSeeker } from "../helpers/referrals";
import { auditRows, establishmentRow } from "../helpers/rows";
import { referralForm } from "../helpers/seekers";
import { atWorkerNow, signedInOfficer } from "../helpers/staff";
import { postForm, workerFetch } from "../helpers/worker";

const db = () => getDb(env);
const page = async (path: string, cookie?: string) => (await workerFetch(path, { cookie })).text();

describe("R-DEL-3 (issue 13): closing the My Page of an establishment that moved to another office's area", () => {
  it("R-DEL-3, R-AUDIT-1: the same office is refused beside the field; after 「この内容で求人者マイページを閉鎖しますか」 the My Page is closed in one batch (postings stopped 2026-11-26, conversation closed, every session ended, a mail naming ハローワーク宇都宮, the audit row); the pages show 「閉鎖（管轄変更: ハローワーク宇都宮）」; sign-in names the new office; 利用不可, the lift and referrals are refused; another office gets 404", async () => {
    const clock = await atWorkerNow(NOW);
    const employer = await openMyPage({ password: true });
    const id = employer.establishment.id;
    const second = await createEmployerAccount(id, { email: "jinji@nikko-yuba.example.jp", isMain: false });
    await signIn("employer", second.id, clock);
    const posting = await acceptedPosting(employer);
    const seeker = await createSeeker();
    await db().insert(schema.messageThreads).values({ id: "t-reloc", establishmentId: id, seekerId: seeker.id, createdAt: 1, lastMessageAt: 1 });
    const { cookie, staff } = await signedInOfficer("0910", clock);
    const path = `/staff/establishments/${id}/relocation`;
    const status = () => establishmentRow(id);

    const { cookie: utsunomiya } = await signedInOfficer("0901", clock, { email: "officer@utsunomiya.example.jp" });
    const failures = await checkAuthorisationMatrix(
      [{ name: "other office", cookie: utsunomiya }, { name: "anonymous" }],
      [
        { name: "relocation page", path, owners: [], secret: employer.establishment.name },
        {
          name: "relocate",
          method: "POST",
          path,
          body: { intent: "relocate", officeCode: "0901" },
          owners: [],
          secret: employer.establishment.name,
          changed: async () => (await status()).status !== "open",
        },
      ],
    );
    expect(failures, describeMatrixFailures(failures)).toEqual([]);

    expect(links(await page(`/staff/establishments/${id}`, cookie), "管轄の変更（移転）を記録する").map(([, href]) => href)).toEqual([path]);
    const same = await postForm(path, { intent: "confirm", officeCode: "0910" }, cookie);
    expect(same.status).toBe(400);
    expect(fieldError(await same.text(), "officeCode")).toContain("現在の管轄と同じハローワークは選べません。");
    const confirm = await postForm(path, { intent: "confirm", officeCode: "0901" }, cookie);
    const confirmHtml = await confirm.text();
    expect(headings(confirmHtml, 2)).toContain("この内容で求人者マイページを閉鎖しますか");
    expect(textOf(parse(confirmHtml).querySelector("[data-confirm-office]"))).toBe("ハローワーク宇都宮");
    expect((await status()).status).toBe("open");

    const done = await postForm(path, { intent: "relocate", officeCode: "0901" }, cookie);
    expect(done.status).toBe(303);
    expect(flashMessage(done)).toContain("新しい管轄: ハローワーク宇都宮");
    expect(await status()).toMatchObject({ status: "closed", closedAt: Date.parse(NOW), relocatedToOfficeCode: "0901" });
    expect(await postingRow(posting.id)).toMatchObject({ status: "stopped", invalidatedOn: "2026-11-26", stopReason: "管轄変更" });
    expect((await db().select().from(schema.messageThreads).where(eq(schema.messageThreads.id, "t-reloc")).get())!.closedAt).toBe(Date.parse(NOW));
    expect(await db().select().from(schema.sessions).where(eq(schema.sessions.accountType, "employer")).all()).toEqual([]);
    for (const to of [employer.main.email, second.email]) {
      const [mail, ...more] = await db()
        .select()
        .from(schema.mailOutbox)
        .where(and(eq(schema.mailOutbox.toAddress, to), eq(schema.mailOutbox.template, "establishmentNotice")))
        .all();
      expect(more).toEqual([]);
      expect(mail!.subject).toBe("【求人者マイページ】管轄の変更により求人者マイページを閉鎖しました");
      expect(mail!.textBody).toContain("ハローワーク宇都宮（電話 028-000-0001）で改めて事業所登録のうえ");
    }
    const [audit, ...moreAudits] = await auditRows(id, "establishment.relocate");
    expect(moreAudits).toEqual([]);
    expect(audit).toMatchObject({ actorType: "staff", actorId: staff.id, officeCode: "0910", establishmentId: id });
    expect(JSON.parse(audit!.details)).toEqual({ toOfficeCode: "0901", closedOn: "2026-11-26" });

    // The officer's pages: the closing and its erasure date; no second relocation.
    const detail = bodyText(await page(`/staff/establishments/${id}`, cookie));
    expect(detail).toContain("閉鎖（管轄変更: ハローワーク宇都宮）");
    expect(detail).toContain("2026年12月27日以降に消去されます");
    expect((await postForm(path, { intent: "relocate", officeCode: "0901" }, cookie)).status).toBe(409);

    // Sign-in names the new office; no session.
    const signin = await postForm("/login", { email: employer.main.email, password: PASSWORD });
    expect(signin.status).toBe(403);
    expect(alertText(await signin.text())).toContain(
      "この事業所は所在地の変更によりハローワーク宇都宮の管轄となったため、この求人者マイページは閉鎖されました。",
    );

    // Officer actions that make no sense on a closed My Page: a message, never a 500.
    const unusable = await postForm(`/staff/establishments/${id}/usability`, { intent: "unusable", reason: "不正利用" }, cookie);
    expect(unusable.status).toBe(409);
    const lift = await postForm(`/staff/establishments/${id}/restriction`, { intent: "lift", note: "" }, cookie);
    expect(lift.status).toBe(409);
    expect(alertText(await lift.text())).toContain("退会または閉鎖しているため");
    const refer = await postForm(`/staff/seekers/${seeker.id}/refer`, referralForm(posting.jobNumber!, "2026-11-26"), cookie);
    expect(refer.status).toBe(400);
    expect(fieldError(await refer.text(), "jobNumber")).toContain("この求人は募集を停止しています（求人無効日 2026年11月26日）");
    expect(await db().select().from(schema.referrals).all()).toEqual([]);
  });
});
