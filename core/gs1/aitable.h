// The GS1 Application Identifier table, read from the GS1 Barcode Syntax
// Dictionary that ships in resources/gs1/ (facts only; our own parser).
// Each AI has its components (character set, length, linters), whether FNC1
// must follow it, its Digital Link role and its association rules.
#pragma once

#include "linter.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <string>
#include <string_view>
#include <vector>

namespace dpp::gs1 {

enum class CharSet {
    Numeric, // N: digits
    Cset82,  // X: GS1 AI encodable character set 82
    Cset39,  // Y: GS1 AI encodable character set 39
    Cset64,  // Z: file-safe/URI-safe base64
};

struct AiComponent
{
    CharSet charSet = CharSet::Numeric;
    int minLength = 0;
    int maxLength = 0;
    bool optional = false;
    std::vector<std::string> linterNames; // as named in the dictionary (e.g. "csum", "key")
    std::vector<LinterFn> linters;        // resolved; same order as linterNames
};

struct AiEntry
{
    std::string ai;                // "01", "3103", …
    std::string title;             // "GTIN", "BATCH/LOT", …
    bool predefinedLength = false; // "*" flag: no FNC1 separator needed after it
    bool dlDataAttribute = false;  // "?" flag: allowed as a DL query attribute
    bool dlPrimaryKey = false;     // has "dlpkey"
    // Alternative ordered qualifier sequences for a DL primary key, e.g. for 01:
    // {{"22","10","21"},{"235"}}. Empty for keys without qualifiers.
    std::vector<std::vector<std::string>> dlQualifierSequences;
    // "req=" attributes: each attribute is a list of alternatives; each alternative
    // is a group of AI patterns that must all be present ("01+21"). Patterns may
    // end in 'n' wildcards ("31nn").
    std::vector<std::vector<std::vector<std::string>>> requires_;
    std::vector<std::string> excludes; // "ex=" patterns
    std::vector<AiComponent> components;

    int minLength() const;
    int maxLength() const;
};

class AiTable
{
public:
    // The table built from the bundled Syntax Dictionary (parsed once, thread-safe).
    static const AiTable& instance();

    // Parses a Syntax Dictionary text; used by instance() and by tests.
    static AiTable fromDictionary(const QByteArray& text, QString* error = nullptr);

    // The entry for exactly this AI, or nullptr.
    const AiEntry* find(std::string_view ai) const;
    // The AI at the start of `data` (2–4 digits, longest known prefix), or nullptr.
    const AiEntry* matchPrefix(std::string_view data) const;
    const std::vector<AiEntry>& entries() const { return m_entries; }

    // Length of an AI that starts with these two digits, per the GS1 General
    // Specifications' AI-length table (2, 3 or 4), or 0 when the prefix is not
    // allocated. Used to read AIs that are not in the dictionary.
    static int aiLengthByPrefix(std::string_view twoDigits);

private:
    // Slot of a 2-4 digit AI in m_byDigits (-1 for anything else).
    static int digitSlot(std::string_view ai);

    std::vector<AiEntry> m_entries; // sorted by AI
    // Entry index (or -1) per 2-, 3- and 4-digit AI: find() is called many times per
    // Digital Link and a direct index beats a binary search over ~500 strings.
    std::vector<int> m_byDigits;
};

// True when `ai` matches `pattern` ("310n", "31nn", "01").
bool aiMatchesPattern(std::string_view ai, std::string_view pattern);

} // namespace dpp::gs1
