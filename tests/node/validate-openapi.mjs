// Validates an OpenAPI document (3.0 or 3.1) against the official schema and resolves
// every $ref. Usage: node validate-openapi.mjs FILE. Exit 0 valid, 1 invalid, 2 usage.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate-openapi.mjs FILE");
  process.exit(2);
}
try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid: OpenAPI ${api.openapi}, ${Object.keys(api.paths ?? {}).length} paths`);
} catch (err) {
  console.error(`invalid: ${err.message}`);
  process.exit(1);
}
