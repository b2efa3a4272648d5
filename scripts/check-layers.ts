/**
 * Proves the layer rules of eslint.config.js (run by `npm run lint`): for each layer, a deliberately wrong
 * import must be refused with `no-restricted-imports`, and an allowed one must pass. ESLint lints the text as
 * if it were a file at that path (no file is written), with the project's own configuration.
 */
import { ESLint } from "eslint";

interface Case {
  file: string;
  source: string;
  refused: boolean;
}

const cases: Case[] = [
  { file: "app/lib/example.ts", source: 'import { decide } from "../rules/capabilities";', refused: true },
  { file: "app/lib/example.ts", source: 'import { getDb } from "../utils/db.server";', refused: true },
  { file: "app/lib/example.ts", source: 'import { sql } from "drizzle-orm";', refused: true },
  { file: "app/lib/example.ts", source: 'import { todayJst } from "./clock";', refused: false },
  { file: "app/lib/schemas/example.ts", source: 'import type { PostingContent } from "../../rules/posting/types";', refused: false },
  { file: "app/lib/schemas/example.ts", source: 'import { getDb } from "../../utils/db.server";', refused: true },
  { file: "app/rules/example.ts", source: 'import { listNotices } from "../models/notices.server";', refused: true },
  { file: "app/rules/posting/example.ts", source: 'import { schema } from "../../utils/db.server";', refused: true },
  { file: "app/rules/example.ts", source: 'import { addDays } from "../lib/clock";', refused: false },
  { file: "app/utils/example.server.ts", source: 'import { consentStatements } from "../models/consent.server";', refused: true },
  { file: "app/utils/example.server.ts", source: 'import { decide } from "../rules/capabilities";', refused: false },
  { file: "app/models/example.server.ts", source: 'import type { KyujinhyoProps } from "../components/kyujinhyo";', refused: true },
  { file: "app/models/posting/example.server.ts", source: 'import { loader } from "../../routes/mypage";', refused: true },
  { file: "app/models/example.server.ts", source: 'import { auditStatement } from "../utils/audit.server";', refused: false },
  { file: "app/components/example.tsx", source: 'import { requireEmployer } from "../utils/auth.server";', refused: true },
  { file: "app/components/example.tsx", source: 'import { listNotices } from "../models/notices";', refused: true },
  { file: "app/components/example.tsx", source: 'import { STEPS } from "../rules/posting/steps";', refused: false },
  { file: "app/jobs/example.server.ts", source: 'import { loader } from "../routes/mypage";', refused: true },
  { file: "db/example.ts", source: 'import { todayJst } from "../app/lib/clock";', refused: true },
];

const eslint = new ESLint();
const failures: string[] = [];
for (const c of cases) {
  const [result] = await eslint.lintText(`${c.source}\nexport {};\n`, { filePath: c.file });
  const refused = (result?.messages ?? []).some((m) => m.ruleId === "no-restricted-imports");
  if (refused !== c.refused) failures.push(`${c.file}: ${c.source} — expected ${c.refused ? "refused" : "allowed"}, was ${refused ? "refused" : "allowed"}`);
}
if (failures.length > 0) {
  console.error(`✗ the layer rules of eslint.config.js do not hold:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`✓ layer rules: ${cases.length} imports checked (${cases.filter((c) => c.refused).length} refused as they must be)`);
