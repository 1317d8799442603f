// Checks JSON-LD documents the way a strict consumer reads them: jsonld.js in
// safe mode (a term that does not expand to an absolute IRI is an error, not a
// silent drop) with a document loader that refuses the network, so only the
// inline @context may define terms. Reads one document or an array of them
// from the file named on the command line (or stdin) and prints
// {"ok": true, "documents": n, "triples": n, "predicates": [...]} or
// {"ok": false, "error": "..."} with exit code 1.
import fs from 'node:fs';
import jsonld from 'jsonld';

const documentLoader = async (url) => {
  throw new Error(`offline: refusing to load ${url}`);
};

const input = fs.readFileSync(process.argv[2] ?? 0, 'utf8');
let docs;
try {
  const parsed = JSON.parse(input);
  docs = Array.isArray(parsed) ? parsed : [parsed];
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: `not JSON: ${e.message}` }));
  process.exit(1);
}

let triples = 0;
const predicates = new Set();
try {
  for (const doc of docs) {
    await jsonld.expand(doc, { documentLoader, safe: true });
    const nquads = await jsonld.toRDF(doc, { documentLoader, safe: true, format: 'application/n-quads' });
    for (const line of nquads.split('\n')) {
      if (!line.trim()) continue;
      triples++;
      const m = line.match(/^\S+\s+<([^>]+)>/);
      if (m) predicates.add(m[1]);
    }
  }
} catch (e) {
  const detail = e.details ? ` ${JSON.stringify(e.details.event ?? e.details).slice(0, 300)}` : '';
  console.log(JSON.stringify({ ok: false, error: `${e.name}: ${e.message}${detail}` }));
  process.exit(1);
}
console.log(JSON.stringify({ ok: true, documents: docs.length, triples, predicates: [...predicates].sort() }));
