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

} // namespace dpp::gs1
