// "ajv (node)": ajv + js-yaml with its CORE_SCHEMA (YAML 1.2 core: unquoted dates stay
// strings), the schema compiled once, every file of the given paths read and validated.
//   node ajv_check.js SCHEMA PATH...
// PATH is a plan file or a folder (every *.yaml under it). Prints one line per invalid file
// and a count; exit 1 when any file is invalid. Modules from bench/node_modules_dir/.
"use strict";
const fs = require("fs");
const path = require("path");
const modules = path.join(__dirname, "node_modules_dir", "node_modules");
const Ajv = require(path.join(modules, "ajv")).default;
const yaml = require(path.join(modules, "js-yaml"));

function* files(p) {
  if (fs.statSync(p).isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
  } else if (p.endsWith(".yaml")) {
    yield p;
  }
}

const [schemaPath, ...paths] = process.argv.slice(2);
if (!schemaPath || paths.length === 0) {
  console.error("usage: node ajv_check.js SCHEMA PATH...");
  process.exit(2);
}
const ajv = new Ajv({strict: false, allErrors: false});
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
let count = 0, bad = 0;
for (const p of paths) {
  for (const file of files(p)) {
    count++;
    const data = yaml.load(fs.readFileSync(file, "utf8"), {schema: yaml.CORE_SCHEMA});
    if (!validate(data)) {
      bad++;
      console.log(`${file}: ${ajv.errorsText(validate.errors)}`);
    }
  }
}
console.log(`${count} files, ${bad} invalid`);
process.exit(bad ? 1 : 0);
