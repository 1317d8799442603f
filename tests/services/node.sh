# Sourced by tests/run-tests.sh: makes sure the npm packages the JSON-LD
# and OpenAPI checks use are in tests/node/node_modules (installed once, from the lock file).
if ! bash tests/node/install.sh; then
  echo "node.sh: npm packages missing; the Node-based checks will skip" >&2
fi
