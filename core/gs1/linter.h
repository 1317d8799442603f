// Component linters of the GS1 Barcode Syntax Tests: the content checks the
// Syntax Dictionary names per AI component (csum, cset82, yymmd0, iso3166, …).
// Our own implementation; behaviour pinned by the syntax-engine vectors.
#pragma once

#include <QString>
#include <optional>
#include <string_view>

namespace dpp::gs1 {

struct LintError
{
    // Stable code as used by the GS1 Syntax Tests, e.g. "GS1_LINTER_INVALID_CHECK_DIGIT".
    const char* code = nullptr;
    // The offending part of the component: data.substr(position, length).
    int position = 0;
    int length = 0;
};

// nullopt = the component passes. `data` is the component's raw bytes.
using LinterFn = std::optional<LintError> (*)(std::string_view data);

// The linter for a dictionary name ("csum", "cset82", "key", "keyoff1", …), or
// nullptr when the name is unknown. Names are those of the Syntax Dictionary;
// "gs1_lint_" prefixed names (as in the vectors) are accepted too.
LinterFn findLinter(std::string_view name);

// English sentence for a linter code ("the check digit is wrong").
QString lintMessage(const char* code);

// What a GS1 Company Prefix register says about a prefix.
enum class GcpStatus {
    Valid,   // allocated (or to be treated as such)
    Invalid, // not an allocated GCP: GS1_LINTER_INVALID_GCP_PREFIX
    Offline, // register unreachable and we fail closed: GS1_LINTER_GCP_DATASOURCE_OFFLINE
};

// A register lookup. `gcp` is a view into the component being linted, starting
// where the prefix must start (for gcppos1/key: the whole component; for the
// coupon linters: exactly the prefix field). Must be thread-safe.
using GcpLookupFn = GcpStatus (*)(std::string_view gcp);

// Installs a register for the GCP checks (key, keyoff1, gcppos1, gcppos2 and
// the GCP fields of coupons); nullptr (the default) removes it, leaving only the
// structural checks (at least four leading digits). Process-wide; set it at
// start-up. Returns the previous lookup.
GcpLookupFn setGcpLookup(GcpLookupFn lookup);

} // namespace dpp::gs1
