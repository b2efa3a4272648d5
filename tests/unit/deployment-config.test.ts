/**
 * issue 9 #17: the production deployment is reachable only at its own origin — wrangler.toml turns off the
 * workers.dev address and preview URLs (top-level keys, so that no environment inherits them switched on), and
 * APP_ORIGIN, the origin every mail link is built from, is an https origin with nothing after it.
 */
import { describe, expect, it } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";

/** The top-level `key = value` pairs of a TOML file (before its first [table]); values as written. */
function topLevel(toml: string): Map<string, string> {
  const head = toml.split(/^\s*\[/m)[0]!;
  const pairs = [...head.matchAll(/^\s*([A-Za-z_][\w-]*)\s*=\s*(.+?)\s*(?:#.*)?$/gm)].map((m) => [m[1]!, m[2]!] as const);
  return new Map(pairs);
}

/** A `KEY = "value"` line of the [vars] table. */
function variable(toml: string, name: string): string | undefined {
  const vars = toml.split(/^\s*\[vars\]\s*$/m)[1]?.split(/^\s*\[/m)[0] ?? "";
  return new RegExp(`^\\s*${name}\\s*=\\s*"([^"]*)"`, "m").exec(vars)?.[1];
}

describe("deployment configuration (issue 9 #17)", () => {
  it("issue 9 #17: the parser reads top-level keys and [vars] as written", () => {
    const sample = 'name = "x"\nworkers_dev = true # comment\n[vars]\nAPP_ORIGIN = "https://a.example"\n[other]\nworkers_dev = false\n';
    expect(topLevel(sample).get("workers_dev")).toBe("true");
    expect(variable(sample, "APP_ORIGIN")).toBe("https://a.example");
  });

  it("issue 9 #17: wrangler.toml sets workers_dev = false and preview_urls = false for production", () => {
    const keys = topLevel(wranglerToml);
    expect(keys.get("name")).toBe('"kyujinsha-mypage"');
    expect(keys.get("workers_dev")).toBe("false");
    expect(keys.get("preview_urls")).toBe("false");
    expect(wranglerToml).not.toMatch(/^\s*\[env\./m); // no environment that could switch them back on
  });

  it("issue 9 #17: APP_ORIGIN is a bare https origin (mail links are built from it)", () => {
    const origin = variable(wranglerToml, "APP_ORIGIN")!;
    expect(new URL(origin).origin).toBe(origin);
    expect(new URL(origin).protocol).toBe("https:");
  });
});
