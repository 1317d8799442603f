#include "elementstring.h"

#include "aitable.h"
#include "checkdigit.h"

#include <QStringList>
#include <set>

namespace dpp::gs1 {

namespace {

Error aiError(const QString& ai, const QString& message, const char* code = "invalid_ai_value")
{
    return Error{ai, message, QString::fromLatin1(code)};
}

QString describe(const QString& ai)
{
    const AiEntry* e = AiTable::instance().find(ai.toStdString());
    return e ? QStringLiteral("AI (%1) %2").arg(ai, QString::fromStdString(e->title))
             : QStringLiteral("AI (%1)").arg(ai);
}

QString markUp(std::string_view data, int pos, int len)
{
    const QString d = QString::fromLatin1(data.data(), qsizetype(data.size()));
    return d.left(pos) + u'|' + d.mid(pos, len) + u'|' + d.mid(pos + len);
}

bool isPrintableAscii(std::string_view v)
{
    for (char c : v) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return false;
    }
    return true;
}

// Runs a component's character-set and content linters.
std::optional<Error> lintComponent(const QString& ai, const AiComponent& c, int index,
                                   std::string_view part, std::string_view whole, int offset)
{
    for (size_t i = 0; i < c.linters.size(); ++i) {
        const LinterFn fn = c.linters[i];
        if (!fn)
            continue; // a name this build has no linter for: nothing to check
        if (const auto err = fn(part)) {
            QString what = lintMessage(err->code);
            // For numeric keys say which digit would be right, as users expect.
            if (qstrcmp(err->code, "GS1_LINTER_INCORRECT_CHECK_DIGIT") == 0 && part.size() > 1) {
                const int expected = mod10CheckDigit(part.substr(0, part.size() - 1));
                if (expected >= 0)
                    what = QStringLiteral("check digit should be %1, got %2")
                               .arg(expected)
                               .arg(QLatin1Char(part.back()));
            }
            return aiError(ai,
                           QStringLiteral("%1: %2 (component %3: %4)")
                               .arg(describe(ai), what)
                               .arg(index + 1)
                               .arg(markUp(whole, offset + err->position, err->length)),
                           err->code);
        }
    }
    return std::nullopt;
}

} // namespace

// Applies the components in order, each consuming its prefix of the data;
// optional components may be left out once the data is exhausted.
std::optional<Error> checkEntryValue(const AiEntry& e, std::string_view value)
{
    const QString ai = QString::fromStdString(e.ai);
    if (value.empty())
        return aiError(ai, QStringLiteral("%1: value is empty").arg(describe(ai)), "empty_value");
    if (!isPrintableAscii(value))
        return aiError(
            ai, QStringLiteral("%1: value contains a character outside CSET 82").arg(describe(ai)),
            "GS1_LINTER_INVALID_CSET82_CHARACTER");
    size_t pos = 0;
    for (size_t i = 0; i < e.components.size(); ++i) {
        const AiComponent& c = e.components[i];
        const size_t remaining = value.size() - pos;
        if (remaining == 0) {
            if (c.optional)
                break;
            return aiError(ai,
                           QStringLiteral("%1: value is too short (at least %2 characters)")
                               .arg(describe(ai))
                               .arg(e.minLength()),
                           "too_short");
        }
        const size_t take = std::min<size_t>(remaining, size_t(c.maxLength));
        if (take < size_t(c.minLength))
            return aiError(
                ai,
                QStringLiteral("%1: value is too short (component %2 needs %3 characters)")
                    .arg(describe(ai))
                    .arg(i + 1)
                    .arg(c.minLength),
                "too_short");
        if (auto err = lintComponent(ai, c, int(i), value.substr(pos, take), value, int(pos)))
            return err;
        pos += take;
    }
    if (pos < value.size())
        return aiError(ai,
                       QStringLiteral("%1: value is too long (at most %2 characters)")
                           .arg(describe(ai))
                           .arg(e.maxLength()),
                       "too_long");
    return std::nullopt;
}

namespace {

// An AI that is not in the dictionary: data of CSET 82, up to 90 characters.
std::optional<Error> checkUnknownValue(const QString& ai, std::string_view value)
{
    static const AiEntry unknown = [] {
        AiEntry e;
        e.title = "UNKNOWN";
        AiComponent c;
        c.charSet = CharSet::Cset82;
        c.minLength = 1;
        c.maxLength = 90;
        c.linterNames = {"cset82"};
        c.linters = {findLinter("cset82")};
        e.components = {c};
        return e;
    }();
    AiEntry e = unknown;
    e.ai = ai.toStdString();
    return checkEntryValue(e, value);
}

std::optional<Error> checkValue(const QString& ai, const QString& value, bool permitUnknownAis)
{
    const std::string a = ai.toStdString();
    bool allDigits = !a.empty();
    for (char c : a)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (!allDigits || a.size() < 2 || a.size() > 4)
        return aiError(
            ai, QStringLiteral("'%1' is not an Application Identifier (2 to 4 digits)").arg(ai),
            "invalid_ai");
    const std::string v = value.toStdString();
    if (const AiEntry* e = AiTable::instance().find(a))
        return checkEntryValue(*e, v);
    // Where the AI is delimited (brackets, DL path/query) any 2–4 digits will
    // do; unbracketed parsing checks the AI-length table itself.
    if (permitUnknownAis)
        return checkUnknownValue(ai, v);
    return aiError(ai, QStringLiteral("AI (%1) is not a known Application Identifier").arg(ai),
                   "unknown_ai");
}

bool isPredefinedLength(const QString& ai)
{
    const AiEntry* e = AiTable::instance().find(ai.toStdString());
    return e && e->predefinedLength;
}

// The AIs as Latin-1 bytes, converted once per validation: the association rules compare
// every AI with every pattern, and a conversion per comparison was most of a resolver
// request's validation cost.
std::vector<std::string> aiKeys(const QList<AiValue>& values)
{
    std::vector<std::string> out;
    out.reserve(size_t(values.size()));
    for (const AiValue& v : values)
        out.push_back(v.ai.toStdString());
    return out;
}

bool matchesAnyKey(const std::vector<std::string>& keys, const std::string& pattern)
{
    for (const std::string& key : keys) {
        if (aiMatchesPattern(key, pattern))
            return true;
    }
    return false;
}

QString patternList(const std::vector<std::vector<std::string>>& alternatives)
{
    QStringList out;
    for (const auto& group : alternatives) {
        QStringList g;
        for (const std::string& p : group)
            g << QStringLiteral("(%1)").arg(QString::fromStdString(p));
        out << g.join(u'+');
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

Status validateAiValue(QStringView ai, QStringView value, bool permitUnknownAis)
{
    if (auto err = checkValue(ai.toString(), value.toString(), permitUnknownAis))
        return *err;
    return Ok{};
}

Result<ElementString> ElementString::fromUnbracketed(QStringView text,
                                                     const ValidationOptions& options)
{
    const std::string data = text.toString().toStdString();
    if (data.empty() || data[0] != '^')
        return Error{QString(), QStringLiteral("element string must start with FNC1 ('^')"),
                     QStringLiteral("missing_fnc1")};
    QList<AiValue> values;
    size_t pos = 1;
    while (pos < data.size()) {
        if (data[pos] == '^') {
            if (pos == 1)
                return Error{QString(), QStringLiteral("empty element before FNC1 at position 2"),
                             QStringLiteral("empty_element")};
            ++pos;
            continue;
        }
        const std::string_view rest = std::string_view(data).substr(pos);
        const AiEntry* e = AiTable::instance().matchPrefix(rest);
        size_t aiLen = e ? e->ai.size() : size_t(AiTable::aiLengthByPrefix(rest));
        if (!e && (!options.permitUnknownAis || aiLen == 0 || rest.size() < aiLen))
            return Error{QString::fromStdString(
                             std::string(rest.substr(0, std::min<size_t>(4, rest.size())))),
                         QStringLiteral("no known AI at position %1 ('%2')")
                             .arg(pos + 1)
                             .arg(QString::fromStdString(std::string(rest.substr(0, 4)))),
                         QStringLiteral("unknown_ai")};
        const std::string ai(rest.substr(0, aiLen));
        size_t valueLen;
        if (e && e->predefinedLength) {
            valueLen = size_t(e->maxLength());
            if (rest.size() - aiLen < valueLen)
                return aiError(QString::fromStdString(ai),
                               QStringLiteral("%1: value is too short (%2 characters)")
                                   .arg(describe(QString::fromStdString(ai)))
                                   .arg(valueLen),
                               "too_short");
        } else {
            const size_t sep = rest.find('^', aiLen);
            valueLen = (sep == std::string_view::npos ? rest.size() : sep) - aiLen;
        }
        values.append({QString::fromStdString(ai),
                       QString::fromStdString(std::string(rest.substr(aiLen, valueLen)))});
        pos += aiLen + valueLen;
    }
    if (values.isEmpty())
        return Error{QString(), QStringLiteral("element string has no AIs"),
                     QStringLiteral("empty")};
    ElementString es(std::move(values));
    if (auto st = es.validate(options); !st)
        return st.error();
    return es;
}

Result<ElementString> ElementString::fromBracketed(QStringView text,
                                                   const ValidationOptions& options)
{
    QList<AiValue> values;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n == 0)
        return Error{QString(), QStringLiteral("element string is empty"), QStringLiteral("empty")};
    while (i < n) {
        if (text[i] != u'(')
            return Error{QString(), QStringLiteral("expected '(' at position %1").arg(i + 1),
                         QStringLiteral("syntax")};
        const qsizetype close = text.indexOf(u')', i + 1);
        if (close < 0)
            return Error{QString(), QStringLiteral("unclosed '(' at position %1").arg(i + 1),
                         QStringLiteral("syntax")};
        const QString ai = text.mid(i + 1, close - i - 1).toString();
        bool digits = ai.size() >= 2 && ai.size() <= 4;
        for (QChar c : ai)
            digits = digits && c.isDigit() && c.unicode() < 128;
        if (!digits)
            return Error{ai, QStringLiteral("'(%1)' is not an Application Identifier").arg(ai),
                         QStringLiteral("invalid_ai")};
        QString value;
        i = close + 1;
        while (i < n && text[i] != u'(') {
            if (text[i] == u'\\' && i + 1 < n && text[i + 1] == u'(') {
                value += u'(';
                i += 2;
                continue;
            }
            value += text[i++];
        }
        values.append({ai, value});
    }
    ElementString es(std::move(values));
    if (auto st = es.validate(options); !st)
        return st.error();
    return es;
}

Status ElementString::validate(const ValidationOptions& options) const
{
    if (m_values.isEmpty())
        return Error{QString(), QStringLiteral("element string has no AIs"),
                     QStringLiteral("empty")};
    for (const AiValue& v : m_values) {
        if (auto err = checkValue(v.ai, v.value, options.permitUnknownAis))
            return *err;
    }
    if (!options.checkAssociations)
        return Ok{};
    int rules = AllRules;
    if (!options.checkRequisites)
        rules &= ~Requisites;
    return validateAssociations(rules);
}

Status ElementString::validateAssociations(int rules) const
{
    const AiTable& table = AiTable::instance();
    if (rules & RepeatsIdentical) {
        for (qsizetype i = 0; i < m_values.size(); ++i)
            for (qsizetype j = i + 1; j < m_values.size(); ++j)
                if (m_values[i].ai == m_values[j].ai && m_values[i].value != m_values[j].value)
                    return aiError(m_values[i].ai,
                                   QStringLiteral("%1 appears more than once with different values")
                                       .arg(describe(m_values[i].ai)),
                                   "repeated_ai");
    }
    const std::vector<std::string> keys = aiKeys(m_values);
    for (qsizetype index = 0; index < m_values.size(); ++index) {
        const AiValue& v = m_values[index];
        const AiEntry* e = table.find(keys[size_t(index)]);
        if (!e)
            continue;
        if (rules & Mutex) {
            for (const std::string& pattern : e->excludes) {
                for (qsizetype o = 0; o < m_values.size(); ++o) {
                    const AiValue& other = m_values[o];
                    if (other.ai != v.ai && aiMatchesPattern(keys[size_t(o)], pattern))
                        return aiError(v.ai,
                                       QStringLiteral("%1 must not be used together with AI (%2)")
                                           .arg(describe(v.ai), other.ai),
                                       "mutually_exclusive");
                }
            }
        }
        if (rules & Requisites) {
            for (const auto& alternatives : e->requires_) {
                bool satisfied = false;
                for (const auto& group : alternatives) {
                    bool all = true;
                    for (const std::string& p : group)
                        all = all && matchesAnyKey(keys, p);
                    satisfied = satisfied || all;
                }
                if (!satisfied)
                    return aiError(v.ai,
                                   QStringLiteral("%1 requires %2")
                                       .arg(describe(v.ai), patternList(alternatives)),
                                   "requisite_missing");
            }
        }
    }
    if ((rules & DigSigSerialKey) && contains(u"8030")) {
        // A digital signature is only meaningful on a serialised key.
        static const std::pair<const char*, int> kSerialisable[] = {
            {"253", 13}, {"255", 13}, {"8003", 14}};
        for (const AiValue& v : m_values) {
            for (const auto& [ai, bare] : kSerialisable) {
                if (v.ai == QLatin1String(ai) && v.value.size() <= bare)
                    return aiError(
                        v.ai,
                        QStringLiteral(
                            "%1 must carry its serial component when AI (8030) is present")
                            .arg(describe(v.ai)),
                        "digsig_requires_serial");
            }
        }
    }
    return Ok{};
}

ElementString ElementString::deduplicated() const
{
    QList<AiValue> out;
    for (const AiValue& v : m_values) {
        if (!out.contains(v))
            out.append(v);
    }
    return ElementString(out);
}

QString ElementString::bracketed() const
{
    QString out;
    for (const AiValue& v : m_values) {
        QString value = v.value;
        value.replace(u'(', QStringLiteral("\\("));
        out += u'(' + v.ai + u')' + value;
    }
    return out;
}

QString ElementString::unbracketed(QChar separator) const
{
    QString out = QStringLiteral("^");
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        out += m_values[i].ai + m_values[i].value;
        if (i + 1 < m_values.size() && !isPredefinedLength(m_values[i].ai))
            out += separator;
    }
    return out;
}

QByteArray ElementString::encoderData() const
{
    return unbracketed(QChar(0x1d)).mid(1).toLatin1();
}

QStringList ElementString::hri(bool withTitles) const
{
    QStringList lines;
    for (const AiValue& v : m_values) {
        const AiEntry* e = withTitles ? AiTable::instance().find(v.ai.toStdString()) : nullptr;
        const QString title = e ? QString::fromStdString(e->title) + u' ' : QString();
        lines << QStringLiteral("%1(%2) %3").arg(title, v.ai, v.value);
    }
    return lines;
}

QString ElementString::value(QStringView ai) const
{
    for (const AiValue& v : m_values) {
        if (v.ai == ai)
            return v.value;
    }
    return {};
}

bool ElementString::contains(QStringView ai) const
{
    for (const AiValue& v : m_values) {
        if (v.ai == ai)
            return true;
    }
    return false;
}

} // namespace dpp::gs1
