/**
 * Debian's Chromium (and Japanese fonts for its screenshots) for the end-to-end tests.
 * `npm test` calls ensureBrowser() first: when /usr/bin/chromium or the Noto CJK fonts are missing it
 * installs them with apt where it can (as root), and otherwise prints the one command to run and exits
 * non-zero. A downloaded browser (`playwright install`) is never used.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
const PACKAGES = ["chromium", "fonts-noto-cjk"] as const;

function missingPackages(): string[] {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push("chromium");
  const fonts = spawnSync("dpkg-query", ["-W", "-f=${Status}", "fonts-noto-cjk"], { encoding: "utf8" });
  if (fonts.status !== 0 || !fonts.stdout.includes("install ok installed")) missing.push("fonts-noto-cjk");
  return missing;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export function ensureBrowser(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${PACKAGES.join(" ")}`;
  if (!isRoot() || !existsSync("/usr/bin/apt-get")) {
    console.error(`✗ ${missing.join(" and ")} missing for the end-to-end tests. Install them once, then run \`npm test\` again:\n\n    sudo ${command}\n`);
    process.exit(1);
  }
  console.log(`── installing ${missing.join(", ")} (Debian packages): ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", ...PACKAGES]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) {
      console.error(`✗ apt-get ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
      process.exit(result.status ?? 1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`✗ ${CHROMIUM} is still missing after apt-get install chromium`);
    process.exit(1);
  }
}
