/**
 * The reusable harnesses proven on fixture routes: the form fuzzer and the authorisation matrix. Each must pass a
 * correct fixture and fail a deliberately broken one — the fuzzer with its fixed core of naughty strings alone, so a
 * broken form is caught on every run whatever the seed's sample.
 */
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, schema } from "../../app/utils/db.server";
import { checkAuthorisationMatrix, describeMatrixFailures } from "../helpers/authz";
import { createEmployerAccount, createEstablishment, signIn } from "../helpers/factories";
import { describeFailures, fuzzForm } from "../helpers/fuzz";
import {
  asSubmitted,
  atLimit,
  CORE_STRINGS,
  fuzzFull,
  fuzzSeed,
  fuzzStrings,
  NAUGHTY_STRINGS,
  overLimit,
  SAMPLE_SIZE,
  sampleNaughty,
} from "../helpers/naughty";
import { establishmentPage, noteForm, readFixtureField, sendTo } from "../fixtures/routes";

const clearFixture = async () => {
  await getDb(env).delete(schema.settings);
};

function fuzzNoteForm(variant: Parameters<typeof noteForm>[0], options: { coreOnly?: boolean; packed?: boolean } = {}) {
  const handler = noteForm(variant);
  return fuzzForm({
    action: "/fixture/note",
    validFields: { name: "日光 太郎", note: "よろしくお願いします" },
    limits: { name: 40, note: 200 },
    coreOnly: options.coreOnly,
    // Both fields in one request where the fixture's rules agree (a name must not be blank; both have a limit).
    schemaRefuses: options.packed
      ? (field, value) => (field === "name" && value.trim() === "") || [...value].length > (field === "name" ? 40 : 200)
      : undefined,
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
}

describe("form fuzzer (naughty strings)", () => {
  it("draws from the whole Big List of Naughty Strings", () => {
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(450);
    expect(NAUGHTY_STRINGS).toContain("<script>alert(123)</script>");
  });

  it("posts the core, the field's limit and a sample drawn with the run's seed; the same seed draws the same strings", () => {
    const strings = fuzzStrings({ key: "POST /fixture/note note", limit: 200 });
    for (const { value } of CORE_STRINGS) expect(strings).toContain(value);
    expect(strings).toContain(atLimit(200));
    expect(strings).toContain(overLimit(200));
    expect([...overLimit(200)]).toHaveLength(201);
    const sample = sampleNaughty(fuzzSeed(), "POST /fixture/note note", SAMPLE_SIZE);
    expect(new Set(sample).size).toBe(SAMPLE_SIZE);
    for (const s of sample) expect(strings).toContain(s);
    expect(strings).toHaveLength(
      fuzzFull()
        ? new Set([...CORE_STRINGS.map((c) => c.value), atLimit(200), overLimit(200), ...NAUGHTY_STRINGS]).size
        : CORE_STRINGS.length + 2 + SAMPLE_SIZE,
    );
    // Replayable: a seed and a field always draw the same strings; other seeds and fields draw others.
    expect(sampleNaughty("12345", "POST /x name", 3)).toEqual(sampleNaughty("12345", "POST /x name", 3));
    const draws = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(sampleNaughty(String(i), "POST /x name", 3))));
    expect(draws.size).toBeGreaterThan(15);
  });

  it("judges a value as a form carries it: lone surrogates arrive as U+FFFD", () => {
    for (const { value } of CORE_STRINGS) {
      expect(asSubmitted(value)).toBe(new URLSearchParams([["v", value]]).get("v"));
    }
    expect(asSubmitted("a\ud800b\udfffc")).toBe("a\ufffdb\ufffdc");
  });

  it("passes a form that escapes, validates beside the field and stores byte-exact", async () => {
    const failures = await fuzzNoteForm("good");
    expect(failures, describeFailures(failures)).toEqual([]);
  });

  it("catches a form that reflects input unescaped (with the core strings alone)", async () => {
    const failures = await fuzzNoteForm("unescaped", { coreOnly: true });
    expect(failures.some((f) => f.field === "note" && f.problem === "reflected unescaped")).toBe(true);
  });

  it("catches a form that silently changes what it stores (with the core strings alone)", async () => {
    const failures = await fuzzNoteForm("lossy", { coreOnly: true });
    expect(failures.some((f) => f.problem.startsWith("stored "))).toBe(true);
  });

  it("with many fields per request: passes the good form, and a refusal without a message is traced to its field alone", async () => {
    const good = await fuzzNoteForm("good", { coreOnly: true, packed: true });
    expect(good, describeFailures(good)).toEqual([]);
    const silent = await fuzzNoteForm("silent", { coreOnly: true, packed: true });
    expect(silent.map((f) => `${f.field}: ${f.problem}`)).toEqual(["note: status 400 without a message beside the field"]);
  });

  it("catches a 5xx (with the core strings alone)", async () => {
    const failures = await fuzzNoteForm("crashy", { coreOnly: true });
    expect(failures).toEqual([{ field: "note", input: JSON.stringify("a\u0000b"), problem: "status 500" }]);
  });

  it("passes the development outbox's test-mail form on the real Worker", async () => {
    const failures = await fuzzForm({
      action: "/dev/mail?index",
      validFields: { to: "fuzz@example.jp" },
      limits: { to: 100 },
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
