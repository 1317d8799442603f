// Validates GS1 resolver linksets against the GS1 linkset schema (JSON Schema draft-07)
// with ajv. Usage: node validate-linkset.mjs SCHEMA FILE... Exit 0 when every file is
// valid, 1 otherwise (errors on stderr), 2 usage.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || files.length === 0) {
  console.error("usage: node validate-linkset.mjs SCHEMA FILE...");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
// The GS1 schema uses "name" and "@id" annotations that strict mode would refuse.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const file of files) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  if (validate(data)) {
    console.log(`valid: ${file}`);
  } else {
    bad++;
    console.error(`invalid: ${file}: ${ajv.errorsText(validate.errors)}`);
  }
}
process.exit(bad ? 1 : 0);
