#include "aitable.h"

#include <QFile>
#include <QList>
#include <algorithm>
#include <mutex>

namespace dpp::gs1 {

int AiEntry::minLength() const
{
    int n = 0;
    for (const AiComponent& c : components)
        n += c.optional ? 0 : c.minLength;
    return n;
}

int AiEntry::maxLength() const
{
    int n = 0;
    for (const AiComponent& c : components)
        n += c.maxLength;
    return n;
}

bool aiMatchesPattern(std::string_view ai, std::string_view pattern)
{
    if (ai.size() != pattern.size())
        return false;
    for (size_t i = 0; i < ai.size(); ++i) {
        if (pattern[i] != 'n' && pattern[i] != ai[i])
            return false;
    }
    return true;
}

int AiTable::aiLengthByPrefix(std::string_view p)
{
    if (p.size() < 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
        return 0;
    const int v = (p[0] - '0') * 10 + (p[1] - '0');
    // GS1 General Specifications, table of AI lengths by their first two digits.
    if (v <= 4 || (v >= 10 && v <= 22) || v == 30 || v == 37 || v >= 90)
        return 2;
    if ((v >= 23 && v <= 25) || (v >= 40 && v <= 42) || v == 71)
        return 3;
    if ((v >= 31 && v <= 36) || v == 39 || v == 43 || v == 70 || v == 72 || (v >= 80 && v <= 82))
        return 4;
    return 0;
}

namespace {

std::vector<std::string> splitOn(std::string_view text, char sep)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t pos = text.find(sep, start);
        out.emplace_back(text.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos)
            return out;
        start = pos + 1;
    }
}

std::vector<std::string> splitWhitespace(std::string_view text)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        const size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t')
            ++i;
        if (i > start)
            out.emplace_back(text.substr(start, i - start));
    }
    return out;
}

bool allDigits(std::string_view s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "N13,csum,key", "[X..17]", "[N3],iso3166": one component of a specification.
bool parseComponent(std::string_view token, AiComponent& c, QString* error)
{
    std::string_view t = token;
    size_t closeBracket = std::string_view::npos;
    if (!t.empty() && t.front() == '[') {
        closeBracket = t.find(']');
        if (closeBracket == std::string_view::npos) {
            *error = QStringLiteral("unclosed '[' in component '%1'")
                         .arg(QString::fromStdString(std::string(token)));
            return false;
        }
        c.optional = true;
    }
    std::vector<std::string> parts;
    if (c.optional) {
        parts = splitOn(t.substr(closeBracket + 1), ',');
        parts[0] = std::string(t.substr(1, closeBracket - 1));
    } else {
        parts = splitOn(t, ',');
    }
    const std::string& type = parts[0];
    if (type.size() < 2) {
        *error = QStringLiteral("bad component type '%1'").arg(QString::fromStdString(type));
        return false;
    }
    switch (type[0]) {
    case 'N':
        c.charSet = CharSet::Numeric;
        break;
    case 'X':
        c.charSet = CharSet::Cset82;
        break;
    case 'Y':
        c.charSet = CharSet::Cset39;
        break;
    case 'Z':
        c.charSet = CharSet::Cset64;
        break;
    default:
        *error = QStringLiteral("unknown character set in '%1'").arg(QString::fromStdString(type));
        return false;
    }
    std::string_view len = std::string_view(type).substr(1);
    const bool variable = len.substr(0, 2) == "..";
    if (variable)
        len.remove_prefix(2);
    if (!allDigits(len)) {
        *error = QStringLiteral("bad length in '%1'").arg(QString::fromStdString(type));
        return false;
    }
    c.maxLength = std::stoi(std::string(len));
    c.minLength = variable ? 1 : c.maxLength;
    static const char* const kCsetLinter[] = {"csetnumeric", "cset82", "cset39", "cset64"};
    c.linterNames.emplace_back(kCsetLinter[int(c.charSet)]);
    for (size_t i = 1; i < parts.size(); ++i)
        c.linterNames.push_back(parts[i]);
    for (const std::string& name : c.linterNames)
        c.linters.push_back(findLinter(name));
    return true;
}

bool parseAttributes(const std::vector<std::string>& tokens, size_t from, AiEntry& e,
                     QString* error)
{
    for (size_t i = from; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (t.rfind("req=", 0) == 0) {
            std::vector<std::vector<std::string>> alternatives;
            for (const std::string& alt : splitOn(std::string_view(t).substr(4), ','))
                alternatives.push_back(splitOn(alt, '+'));
            e.requires_.push_back(std::move(alternatives));
        } else if (t.rfind("ex=", 0) == 0) {
            for (const std::string& x : splitOn(std::string_view(t).substr(3), ','))
                e.excludes.push_back(x);
        } else if (t == "dlpkey") {
            e.dlPrimaryKey = true;
        } else if (t.rfind("dlpkey=", 0) == 0) {
            e.dlPrimaryKey = true;
            for (const std::string& alt : splitOn(std::string_view(t).substr(7), '|'))
                e.dlQualifierSequences.push_back(splitOn(alt, ','));
        } else {
            *error = QStringLiteral("unknown attribute '%1'").arg(QString::fromStdString(t));
            return false;
        }
    }
    return true;
}

} // namespace

AiTable AiTable::fromDictionary(const QByteArray& text, QString* error)
{
    AiTable table;
    QString localError;
    QString* err = error ? error : &localError;
    int lineNo = 0;
    for (const QByteArray& rawLine : text.split('\n')) {
        ++lineNo;
        std::string line = rawLine.trimmed().toStdString();
        if (line.empty() || line[0] == '#')
            continue;
        std::string title;
        if (const size_t hash = line.find('#'); hash != std::string::npos) {
            title = QByteArray::fromStdString(line.substr(hash + 1)).trimmed().toStdString();
            line.resize(hash);
        }
        const std::vector<std::string> tokens = splitWhitespace(line);
        if (tokens.size() < 2) {
            *err = QStringLiteral("line %1: too few fields").arg(lineNo);
            return {};
        }
        // AIs: "01" or a range "3100-3105".
        std::string first = tokens[0], last = tokens[0];
        if (const size_t dash = tokens[0].find('-'); dash != std::string::npos) {
            first = tokens[0].substr(0, dash);
            last = tokens[0].substr(dash + 1);
        }
        if (!allDigits(first) || !allDigits(last) || first.size() != last.size()) {
            *err = QStringLiteral("line %1: bad AI '%2'")
                       .arg(lineNo)
                       .arg(QString::fromStdString(tokens[0]));
            return {};
        }
        AiEntry proto;
        proto.title = title;
        size_t i = 1;
        if (tokens[i].find_first_not_of("*?") == std::string::npos) {
            proto.predefinedLength = tokens[i].find('*') != std::string::npos;
            proto.dlDataAttribute = tokens[i].find('?') != std::string::npos;
            ++i;
        }
        // Specification components run until the first attribute (contains '=' or is "dlpkey").
        for (; i < tokens.size(); ++i) {
            const std::string& t = tokens[i];
            if (t.find('=') != std::string::npos || t == "dlpkey")
                break;
            AiComponent c;
            if (!parseComponent(t, c, err)) {
                *err = QStringLiteral("line %1: %2").arg(lineNo).arg(*err);
                return {};
            }
            proto.components.push_back(std::move(c));
        }
        if (proto.components.empty()) {
            *err = QStringLiteral("line %1: no specification").arg(lineNo);
            return {};
        }
        if (!parseAttributes(tokens, i, proto, err)) {
            *err = QStringLiteral("line %1: %2").arg(lineNo).arg(*err);
            return {};
        }
        const int from = std::stoi(first), to = std::stoi(last);
        for (int ai = from; ai <= to; ++ai) {
            AiEntry e = proto;
            e.ai = std::to_string(ai);
            e.ai.insert(0, first.size() - e.ai.size(), '0');
            table.m_entries.push_back(std::move(e));
        }
    }
    std::sort(table.m_entries.begin(), table.m_entries.end(),
              [](const AiEntry& a, const AiEntry& b) { return a.ai < b.ai; });
    table.m_byDigits.assign(11100, -1);
    for (size_t i = 0; i < table.m_entries.size(); ++i) {
        if (const int slot = digitSlot(table.m_entries[i].ai); slot >= 0)
            table.m_byDigits[size_t(slot)] = int(i);
    }
    return table;
}

int AiTable::digitSlot(std::string_view ai)
{
    if (ai.size() < 2 || ai.size() > 4)
        return -1;
    int n = 0;
    for (char c : ai) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    // 2 digits: 0-99; 3 digits: 100-1099; 4 digits: 1100-11099.
    return ai.size() == 2 ? n : ai.size() == 3 ? 100 + n : 1100 + n;
}

const AiTable& AiTable::instance()
{
    static const AiTable table = [] {
        QFile file(QStringLiteral(":/gs1/gs1-syntax-dictionary.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("GS1 Syntax Dictionary resource missing");
        QString error;
        AiTable t = fromDictionary(file.readAll(), &error);
        if (t.m_entries.empty())
            qFatal("GS1 Syntax Dictionary unreadable: %s", qPrintable(error));
        return t;
    }();
    return table;
}

const AiEntry* AiTable::find(std::string_view ai) const
{
    if (const int slot = digitSlot(ai); slot >= 0 && !m_byDigits.empty()) {
        const int index = m_byDigits[size_t(slot)];
        return index < 0 ? nullptr : &m_entries[size_t(index)];
    }
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), ai,
                                     [](const AiEntry& e, std::string_view v) { return e.ai < v; });
    return (it != m_entries.end() && it->ai == ai) ? &*it : nullptr;
}

const AiEntry* AiTable::matchPrefix(std::string_view data) const
{
    for (size_t len = 2; len <= 4 && len <= data.size(); ++len) {
        if (const AiEntry* e = find(data.substr(0, len)))
            return e;
    }
    return nullptr;
}

} // namespace dpp::gs1
