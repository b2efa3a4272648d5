/**
 * Issue 14 (ADR 0028): the pure shard routing of app/rules/shards.ts — the SHARDS map's validation, shardOf for every
 * key kind, the session token's prefix, the /jobs pruning — and the seeker snapshot a cross-shard 紹介 copies.
 */
import { describe, expect, it } from "vitest";
import { seekerSnapshot, type SeekerRecord } from "../../app/rules/seeker-snapshot";
import { memoryDirectory, parseShardMap, searchShards, sessionTokenPrefix, ShardConfigError, shardOf, SINGLE_SHARD_MAP } from "../../app/rules/shards";

const TWO = parseShardMap(
  JSON.stringify({
    tochigi: { binding: "DB", prefectures: ["09"] },
    ibaraki: { binding: "DB_SHARD_B", prefectures: ["08"] },
    // 宇都宮 split off 栃木 (an office group of its own).
    utsunomiya: { binding: "DB_UTSUNOMIYA", offices: ["0901"] },
  }),
);
const TOKEN = "abcdefghijklmnopqrstuvwxyz234567";

function problemsOf(raw: string): string {
  try {
    parseShardMap(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${raw}`);
}

describe("issue 14: the shard map (SHARDS)", () => {
  it("issue 14: absent or blank, one shard 'main' on DB holds every office and every session", () => {
    expect(parseShardMap(undefined)).toBe(SINGLE_SHARD_MAP);
    expect(parseShardMap("  ")).toBe(SINGLE_SHARD_MAP);
    expect(shardOf(SINGLE_SHARD_MAP, { kind: "office", code: "4701" })).toBe("main");
    expect(shardOf(SINGLE_SHARD_MAP, { kind: "jobNumber", value: "13010-45892141" })).toBe("main");
    expect(shardOf(SINGLE_SHARD_MAP, { kind: "sessionToken", value: TOKEN })).toBe("main");
    expect(sessionTokenPrefix(SINGLE_SHARD_MAP, "main")).toBe("");
    expect(searchShards(SINGLE_SHARD_MAP, "08")).toEqual(["main"]);
  });

  it("issue 14: a map with errors is refused at start-up with every reason", () => {
    expect(problemsOf("{")).toContain("not JSON");
    expect(problemsOf("{}")).toContain("no shard");
    expect(problemsOf(JSON.stringify({ Tochigi: { binding: "DB" } }))).toContain("Tochigi: the shard id must be");
    expect(problemsOf(JSON.stringify({ a: { binding: "db" } }))).toContain("binding must be a D1 binding name");
    expect(problemsOf(JSON.stringify({ a: { binding: "DB", prefectures: ["48"] } }))).toContain("2-digit codes 01–47");
    expect(problemsOf(JSON.stringify({ a: { binding: "DB", offices: ["091"] } }))).toContain("4-digit office codes");
    expect(problemsOf(JSON.stringify({ a: { binding: "DB", region: "kanto" } }))).toContain("region");
    const twice = problemsOf(JSON.stringify({ a: { binding: "DB", prefectures: ["09"] }, b: { binding: "DB_B", prefectures: ["09", "08"] } }));
    expect(twice).toContain("prefecture 09 is held by both a and b");
    expect(problemsOf(JSON.stringify({ a: { binding: "DB", prefectures: ["09"] }, b: { binding: "DB", prefectures: ["08"] } }))).toContain(
      "binding DB is held by both",
    );
    expect(problemsOf(JSON.stringify({ a: { binding: "DB_A", prefectures: ["09"] }, b: { binding: "DB_B", prefectures: ["08"] } }))).toContain(
      "no shard is on the DB binding",
    );
    expect(problemsOf(JSON.stringify({ a: { binding: "DB", prefectures: ["09"] }, b: { binding: "DB_B" } }))).toContain("b holds no prefecture or office");
  });

  it("issue 14: the default shard is the one on DB, and only its tokens have no prefix", () => {
    expect(TWO.defaultShard).toBe("tochigi");
    expect(TWO.single).toBe(false);
    expect(sessionTokenPrefix(TWO, "tochigi")).toBe("");
    expect(sessionTokenPrefix(TWO, "ibaraki")).toBe("ibaraki.");
  });
});

describe("issue 14: shardOf by each key", () => {
  it("issue 14: office code (an office listed by code before its prefecture), 事業所番号, 求人番号 and 求職番号 by their office prefix", () => {
    expect(shardOf(TWO, { kind: "office", code: "0910" })).toBe("tochigi");
    expect(shardOf(TWO, { kind: "office", code: "0901" })).toBe("utsunomiya");
    expect(shardOf(TWO, { kind: "office", code: "0801" })).toBe("ibaraki");
    expect(shardOf(TWO, { kind: "establishmentNumber", value: "0801-000101-3" })).toBe("ibaraki");
    expect(shardOf(TWO, { kind: "establishmentNumber", value: "0901-000101-3" })).toBe("utsunomiya");
    expect(shardOf(TWO, { kind: "jobNumber", value: "08010-00000001" })).toBe("ibaraki");
    expect(shardOf(TWO, { kind: "jobNumber", value: "09100-00000001" })).toBe("tochigi");
    expect(shardOf(TWO, { kind: "jobNumber", value: "09010-00000001" })).toBe("utsunomiya");
    expect(shardOf(TWO, { kind: "seekerNumber", value: "09100-90000001" })).toBe("tochigi");
    expect(shardOf(TWO, { kind: "seekerNumber", value: "08010-90000001" })).toBe("ibaraki");
  });

  it("issue 14: an office of no shard, an unknown token prefix and malformed keys are no shard (null), never a guess", () => {
    expect(shardOf(TWO, { kind: "office", code: "1301" })).toBeNull();
    expect(shardOf(TWO, { kind: "jobNumber", value: "13010-45892141" })).toBeNull();
    expect(shardOf(TWO, { kind: "jobNumber", value: "0801-00000001" })).toBeNull();
    expect(shardOf(TWO, { kind: "establishmentNumber", value: "08010-000101-3" })).toBeNull();
    expect(shardOf(TWO, { kind: "seekerNumber", value: "" })).toBeNull();
    expect(shardOf(TWO, { kind: "office", code: "09a1" })).toBeNull();
    expect(shardOf(TWO, { kind: "sessionToken", value: `osaka.${TOKEN}` })).toBeNull();
    expect(shardOf(TWO, { kind: "sessionToken", value: `constructor.${TOKEN}` })).toBeNull();
  });

  it("issue 14: a session token routes by its prefix; without one to the default shard", () => {
    expect(shardOf(TWO, { kind: "sessionToken", value: `ibaraki.${TOKEN}` })).toBe("ibaraki");
    expect(shardOf(TWO, { kind: "sessionToken", value: TOKEN })).toBe("tochigi");
  });

  it("issue 14: /jobs asks every shard, or with a 就業場所 prefecture only the shards holding its offices", () => {
    expect(searchShards(TWO)).toEqual(["tochigi", "ibaraki", "utsunomiya"]);
    expect(searchShards(TWO, "08")).toEqual(["ibaraki"]);
    expect(searchShards(TWO, "09")).toEqual(["tochigi", "utsunomiya"]);
    expect(searchShards(TWO, "13")).toEqual([]);
    const directory = memoryDirectory(TWO);
    expect(directory.shardOfOffice("0901")).toBe("utsunomiya");
    expect(directory.shardsForWorkplacePrefecture("08")).toEqual(["ibaraki"]);
    expect(directory.allShards()).toHaveLength(3);
  });
});

describe("issue 14, R-REF-2: the seeker snapshot of a cross-shard 紹介", () => {
  const seeker: SeekerRecord = {
    id: "s1",
    officeCode: "0910",
    seekerNumber: "09100-90000001",
    name: "越境 花子",
    nameKana: "エッキョウ ハナコ",
    birthDate: "1990-05-15",
    postalCode: "321-1261",
    prefectureCode: "09",
    municipalityCode: "09206",
    address: "今市本町7-7",
    phone: "090-1111-2222",
    email: "hanako@example.jp",
    desiredOccupation: "介護職員",
    desiredPrefectureCode: "08",
    desiredMunicipalityCode: null,
    desiredEmploymentType: "正社員",
    desiredWorkStyle: "full",
    desiredWageForm: "月給",
    desiredWage: 200000,
    desiredHours: "日勤のみ",
    licences: "介護福祉士",
    workHistory: "特養 5年",
    selfPr: "几帳面です。",
    disclosure: JSON.stringify(["phone", "licences"]),
  };

  it("issue 14, R-REF-2: 氏名, カナ and the birth date (年齢) always; only the agreed items; never published there, marked as the home shard's", () => {
    const copy = seekerSnapshot(seeker, "tochigi");
    expect(copy).toMatchObject({ name: "越境 花子", nameKana: "エッキョウ ハナコ", birthDate: "1990-05-15", phone: "090-1111-2222", licences: "介護福祉士" });
    expect(copy).toMatchObject({
      address: "",
      postalCode: "",
      municipalityCode: null,
      email: null,
      workHistory: "",
      selfPr: "",
      desiredOccupation: "",
      desiredWage: null,
    });
    expect(copy).toMatchObject({ hasMypage: false, publishProfile: false, homeShard: "tochigi", disclosure: JSON.stringify(["phone", "licences"]) });
  });

  it("issue 14, R-REF-2: agreed address and 希望条件 are copied whole", () => {
    const copy = seekerSnapshot({ ...seeker, disclosure: JSON.stringify(["address", "desired"]) }, "tochigi");
    expect(copy).toMatchObject({
      postalCode: "321-1261",
      municipalityCode: "09206",
      address: "今市本町7-7",
      desiredOccupation: "介護職員",
      desiredWage: 200000,
      phone: "",
    });
  });
});
