// ElementString: a GS1 message as a list of (AI, value) pairs, converted
// between the bracketed form "(01)…(10)…", the unbracketed form with FNC1
// ("^01…10…^21…", '^' = FNC1, GS = U+001D in scanner output) and human-readable
// text. Every value is validated through the AI table.
#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace dpp::gs1 {

struct AiValue
{
    QString ai;
    QString value;
    bool operator==(const AiValue&) const = default;
};

struct ValidationOptions
{
    bool permitUnknownAis = false; // unknown AIs pass with X..90 data
    bool checkAssociations = true; // req= / ex= / repeats / DigSig rules
    bool checkRequisites = true;   // only the req= part (the vectors turn it off)
};

class ElementString
{
public:
    ElementString() = default;
    explicit ElementString(QList<AiValue> values) : m_values(std::move(values)) {}

    // "(01)09506000134352(10)ABC": brackets inside values are escaped as "\(".
    static Result<ElementString> fromBracketed(QStringView text, const ValidationOptions& = {});
    // "^0109506000134352^10ABC" ('^' = FNC1; a leading '^' is required).
    static Result<ElementString> fromUnbracketed(QStringView text, const ValidationOptions& = {});

    // Checks every value against its AI's components and linters, then (by
    // option) the association rules. Errors name the AI in param ("10").
    Status validate(const ValidationOptions& = {}) const;

    // The pairing rules of the Syntax Dictionary, selectable for tests.
    enum AssociationRule {
        RepeatsIdentical = 1, // an AI may repeat only with the same value
        Mutex = 2,            // ex= pairs
        Requisites = 4,       // req= groups
        DigSigSerialKey = 8,  // (8030) needs the serialised form of 253/255/8003
        AllRules = 15,
    };
    Status validateAssociations(int rules = AllRules) const;

    // The same AIs with exact repeats removed (first occurrence kept).
    ElementString deduplicated() const;

    QString bracketed() const;
    // FNC1 in first position, then a separator only after variable-length AIs
    // that are not last. `separator` is '^' for the notation, U+001D for scanners.
    QString unbracketed(QChar separator = u'^') const;
    // The message bytes for a GS1 symbol encoder: data without the leading FNC1,
    // GS (0x1D) between fields where FNC1 is needed.
    QByteArray encoderData() const;
    // Human-readable interpretation lines: "(01) 09506000134352", or with data
    // titles as printed under symbols on retail labels: "GTIN (01) 09506000134352".
    QStringList hri(bool withTitles = false) const;

    const QList<AiValue>& values() const { return m_values; }
    QString value(QStringView ai) const; // first value of that AI, or null
    bool contains(QStringView ai) const;
    bool isEmpty() const { return m_values.isEmpty(); }

private:
    QList<AiValue> m_values;
};

// Validates one AI value on its own (components, lengths, linters), as forms
// and CSV rows need: "lot contains '#' which is not in CSET 82".
Status validateAiValue(QStringView ai, QStringView value, bool permitUnknownAis = false);

} // namespace dpp::gs1
