import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The README's architecture paragraph and its folder tree are how a newcomer finds their room:
 * the tree lists exactly the folders under lib/, and the paragraph describes each of them.
 */
const root = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const architecture = readme.slice(readme.indexOf("## Architecture"), readme.indexOf("### Layout"));
const layout = readme.slice(readme.indexOf("### Layout"));
const treeLines = layout.split("\n");
const libStart = treeLines.findIndex((line) => line.startsWith("lib/<area>/"));
const libEnd = treeLines.findIndex((line, index) => index > libStart && /^[a-z]/.test(line) && !line.startsWith("lib/"));
/** "lib/<area>/ the domain, one folder per area: a, b, c" and "lib/ shared by all areas: d, e; f (…)" */
const treeFolders = treeLines
  .slice(libStart, libEnd)
  .join(" ")
  .split(/^lib\/<area>\/|lib\/\s+/)
  .flatMap((part) => part.slice(part.indexOf(":") + 1).replace(/\([^)]*\)/g, "").split(/[,;]/))
  .map((name) => name.trim())
  .filter(Boolean);

const libFolders = readdirSync(path.join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() || entry.name === "env.ts")
  .map((entry) => entry.name);

describe("README layout", () => {
  it("the folder tree lists exactly the folders under lib/", () => {
    // lib/generated exists once the Prisma client is generated (postinstall)
    const present = (names: string[]) => names.filter((name) => name !== "generated").sort();
    expect(present(treeFolders)).toEqual(present(libFolders));
    expect(treeFolders).toContain("generated");
  });

  it("the architecture paragraph names every folder under lib/ the tree lists", () => {
    for (const folder of treeFolders.filter((name) => name !== "generated")) expect(architecture, folder).toContain(`\`${folder}\``);
  });
});
