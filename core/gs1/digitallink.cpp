#include "digitallink.h"

#include "aitable.h"

#include <QSet>
#include <algorithm>

namespace dpp::gs1 {

namespace {

Error dlError(const QString& message, const QString& ai = {},
              const char* code = "invalid_digital_link")
{
    return Error{ai, message, QString::fromLatin1(code)};
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Characters RFC 3986 allows anywhere in a URI (reserved + unreserved + '%').
bool isUriChar(char c)
{
    static const std::string_view kOther = ":/?#[]@!$&'()*+,;=%";
    return isUnreserved(c) || kOther.find(c) != std::string_view::npos;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool allDigits(std::string_view s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool validHost(std::string_view authority)
{
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        const size_t close = host.find(']');
        if (close == std::string_view::npos)
            return false;
        for (char c : host.substr(1, close - 1)) {
            if (hexValue(c) < 0 && c != ':' && c != '.')
                return false;
        }
        host = host.substr(close + 1);
        return host.empty() || (host.front() == ':' && allDigits(host.substr(1)));
    }
    const size_t colon = host.find(':');
    if (colon != std::string_view::npos) {
        if (!allDigits(host.substr(colon + 1)))
            return false;
        host = host.substr(0, colon);
    }
    if (host.empty())
        return false;
    return std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-';
    });
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        const size_t pos = s.find(sep, start);
        out.push_back(
            s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos)
            return out;
        start = pos + 1;
    }
}

// DL 1.0 convenience names, accepted only with permitConvenienceAlphas.
const char* alphaToAi(std::string_view name)
{
    static const std::pair<const char*, const char*> kAlphas[] = {
        {"gtin", "01"},    {"itip", "8006"},  {"cpv", "22"},    {"lot", "10"},    {"ser", "21"},
        {"sscc", "00"},    {"gln", "414"},    {"glnx", "254"},  {"party", "417"}, {"gdti", "253"},
        {"ginc", "401"},   {"gsin", "402"},   {"grai", "8003"}, {"giai", "8004"}, {"cpid", "8010"},
        {"gcn", "255"},    {"gsrnp", "8017"}, {"gsrn", "8018"}, {"srin", "8019"}, {"gmn", "8013"},
        {"refno", "8020"}, {"tpx", "235"},    {"payto", "415"}};
    for (const auto& [alpha, ai] : kAlphas) {
        if (name == alpha)
            return ai;
    }
    return nullptr;
}

QString qs(std::string_view v)
{
    return QString::fromLatin1(v.data(), qsizetype(v.size()));
}

// GTIN-8/12/13 → 14 digits (zero-suppressed forms, legacy option).
QString padGtin(const QString& value, bool permit)
{
    if (permit && (value.size() == 8 || value.size() == 12 || value.size() == 13)) {
        bool digits = true;
        for (QChar c : value)
            digits = digits && c >= u'0' && c <= u'9';
        if (digits)
            return value.rightJustified(14, u'0');
    }
    return value;
}

// Alternatives of `key` into which the path qualifiers fit, each in order.
std::vector<const std::vector<std::string>*> compatibleSequences(const AiEntry& key,
                                                                 const QList<AiValue>& qualifiers)
{
    std::vector<const std::vector<std::string>*> out;
    for (const auto& seq : key.dlQualifierSequences) {
        size_t next = 0;
        bool fits = true;
        for (const AiValue& q : qualifiers) {
            const std::string ai = q.ai.toStdString();
            auto it = std::find(seq.begin() + long(next), seq.end(), ai);
            if (it == seq.end()) {
                fits = false;
                break;
            }
            next = size_t(it - seq.begin()) + 1;
        }
        if (fits)
            out.push_back(&seq);
    }
    return out;
}

QString normaliseBase(const QString& base)
{
    QString b = base.isEmpty() ? QString::fromLatin1(DigitalLink::kDefaultBase) : base;
    while (b.endsWith(u'/'))
        b.chop(1);
    return b;
}

} // namespace

QString DigitalLink::escape(QStringView value, bool inQuery)
{
    static const char* const kHex = "0123456789ABCDEF";
    QString out;
    const QByteArray bytes = value.toUtf8();
    for (char c : bytes) {
        if (isUnreserved(c)) {
            out += QLatin1Char(c);
        } else if (c == ' ' && inQuery) {
            out += u'+';
        } else {
            const auto b = static_cast<unsigned char>(c);
            out += u'%';
            out += QLatin1Char(kHex[b >> 4]);
            out += QLatin1Char(kHex[b & 15]);
        }
    }
    return out;
}

QString DigitalLink::unescape(QStringView value, bool inQuery)
{
    // Nearly every value (GTIN, lot, serial) has nothing to decode: copy it as it is.
    bool plain = true;
    for (QChar c : value)
        plain = plain && c.unicode() < 128 && c != u'%' && !(inQuery && c == u'+');
    if (plain)
        return value.toString();
    const QByteArray in = value.toLatin1();
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() + 0 && hexValue(in[i + 1]) >= 0 &&
            hexValue(in[i + 2]) >= 0) {
            out += char(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            i += 2;
        } else if (c == '+' && inQuery) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return QString::fromLatin1(out);
}

Result<DigitalLink> DigitalLink::parse(QStringView uriView, const DigitalLinkOptions& options)
{
    const AiTable& table = AiTable::instance();
    const QString uriString = uriView.toString();
    for (QChar ch : uriString) {
        if (ch.unicode() > 127 || !isUriChar(char(ch.unicode())))
            return dlError(
                QStringLiteral("the URI contains '%1', which is not allowed in a URI").arg(ch));
    }
    std::string uri = uriString.toStdString();
    size_t schemeLen = 0;
    for (const char* scheme : {"https://", "http://", "HTTPS://", "HTTP://"}) {
        if (uri.rfind(scheme, 0) == 0) {
            schemeLen = std::char_traits<char>::length(scheme);
            break;
        }
    }
    if (schemeLen == 0)
        return dlError(QStringLiteral("a Digital Link starts with http:// or https://"));
    if (const size_t hash = uri.find('#'); hash != std::string::npos)
        uri.resize(hash); // the fragment is the client's business
    const std::string_view rest = std::string_view(uri).substr(schemeLen);
    const size_t pathStart = rest.find_first_of("/?");
    const std::string_view authority = rest.substr(0, pathStart);
    if (!validHost(authority))
        return dlError(QStringLiteral("'%1' is not a valid host").arg(qs(authority)));
    if (pathStart == std::string_view::npos || rest[pathStart] != '/')
        return dlError(QStringLiteral("no GS1 Digital Link primary key found in the path"));
    const std::string_view afterAuthority = rest.substr(pathStart);
    const size_t q = afterAuthority.find('?');
    const std::string_view path = afterAuthority.substr(1, q == std::string_view::npos ? q : q - 1);
    const std::string_view query =
        q == std::string_view::npos ? std::string_view() : afterAuthority.substr(q + 1);

    // The primary key is the rightmost AI-position segment that is a DL key:
    // everything before it is the resolver's own stem.
    std::vector<std::string_view> segments = split(path, '/');
    std::vector<std::string> aiAt(segments.size());
    for (size_t i = 0; i < segments.size(); ++i) {
        aiAt[i] = std::string(segments[i]);
        if (options.permitConvenienceAlphas && !allDigits(segments[i])) {
            if (const char* ai = alphaToAi(segments[i]))
                aiAt[i] = ai;
        }
    }
    long keyPos = -1;
    for (long i = long(segments.size()) - 2; i >= 0; i -= 2) {
        const AiEntry* e = allDigits(aiAt[size_t(i)]) ? table.find(aiAt[size_t(i)]) : nullptr;
        if (e && e->dlPrimaryKey) {
            keyPos = i;
            break;
        }
    }
    if (keyPos < 0)
        return dlError(QStringLiteral("no GS1 Digital Link primary key found in the path"));
    // A convenience alpha must not stand for a key unless the option says so.
    if (!allDigits(segments[size_t(keyPos)]) && !options.permitConvenienceAlphas)
        return dlError(QStringLiteral("no GS1 Digital Link primary key found in the path"));

    DigitalLink dl;
    dl.m_base =
        qs(std::string_view(uri).substr(0, schemeLen + pathStart)) +
        (keyPos > 0
             ? u'/' + qs(path.substr(0, size_t(segments[size_t(keyPos) - 1].end() - path.begin())))
             : QString());
    const AiEntry* key = table.find(aiAt[size_t(keyPos)]);
    for (size_t i = size_t(keyPos); i < segments.size(); i += 2) {
        const std::string& ai = aiAt[i];
        const AiEntry* e = allDigits(ai) ? table.find(ai) : nullptr;
        if (!e)
            return dlError(QStringLiteral("'%1' in the path is not an AI that may follow (%2)")
                               .arg(qs(segments[i]), QString::fromStdString(key->ai)),
                           qs(segments[i]), "invalid_path");
        const QString value = unescape(qs(segments[i + 1]), false);
        if (value.isEmpty())
            return dlError(QStringLiteral("AI (%1) has an empty value in the path")
                               .arg(QString::fromStdString(ai)),
                           QString::fromStdString(ai), "empty_value");
        dl.m_path.append({QString::fromStdString(ai),
                          ai == "01" ? padGtin(value, options.permitZeroSuppressedGtin) : value});
    }
    const QList<AiValue> qualifiers = dl.m_path.mid(1);
    const auto sequences = compatibleSequences(*key, qualifiers);
    if (!qualifiers.isEmpty() && sequences.empty()) {
        QStringList names;
        for (const AiValue& v : qualifiers)
            names << QStringLiteral("(%1)").arg(v.ai);
        return dlError(QStringLiteral("%1 after (%2) is not a valid key-qualifier sequence")
                           .arg(names.join(u' '), QString::fromStdString(key->ai)),
                       qualifiers.first().ai, "invalid_path");
    }

    for (std::string_view param : split(query, '&')) {
        if (param.empty())
            continue;
        const size_t eq = param.find('=');
        const std::string_view name = param.substr(0, eq);
        if (eq == std::string_view::npos || !allDigits(name)) {
            dl.m_ignoredQuery << qs(param); // linkType=…, context=…, singletons
            continue;
        }
        const QString ai = qs(name);
        const QString value = unescape(qs(param.substr(eq + 1)), true);
        if (value.isEmpty())
            return dlError(QStringLiteral("AI (%1) has an empty value in the query").arg(ai), ai,
                           "empty_value");
        const AiEntry* e = table.find(name);
        if (!e) {
            const bool mayBeUnknown = options.permitUnknownAis &&
                                      !options.unknownAiNotDlAttribute && name.size() >= 2 &&
                                      name.size() <= 4;
            if (!mayBeUnknown)
                return dlError(QStringLiteral("'%1' in the query is not a known AI").arg(ai), ai,
                               "unknown_ai");
        } else {
            if (!e->dlDataAttribute)
                return dlError(
                    QStringLiteral("AI (%1) is not allowed as a query attribute").arg(ai), ai,
                    "invalid_attribute");
            for (const auto* seq : sequences) {
                if (std::find(seq->begin(), seq->end(), e->ai) != seq->end())
                    return dlError(
                        QStringLiteral(
                            "AI (%1) qualifies (%2) and must be in the path, not the query")
                            .arg(ai, QString::fromStdString(key->ai)),
                        ai, "qualifier_in_query");
            }
        }
        dl.m_query.append(
            {ai, ai == u"01" ? padGtin(value, options.permitZeroSuppressedGtin) : value});
    }

    // Duplicates: a pairwise check for the usual handful of AIs (a hash set cost more than
    // the rest of the parse), a set for long lists so a crafted URI stays linear.
    const QList<AiValue> all = dl.m_path + dl.m_query;
    const auto duplicate = [](const QString& ai) {
        return dlError(QStringLiteral("AI (%1) appears more than once").arg(ai), ai,
                       "duplicate_ai");
    };
    if (all.size() <= 16) {
        for (qsizetype i = 0; i < all.size(); ++i)
            for (qsizetype j = 0; j < i; ++j)
                if (all[j].ai == all[i].ai)
                    return duplicate(all[i].ai);
    } else {
        QSet<QString> seen;
        for (const AiValue& v : all) {
            if (seen.contains(v.ai))
                return duplicate(v.ai);
            seen.insert(v.ai);
        }
    }
    ValidationOptions vo;
    vo.permitUnknownAis = options.permitUnknownAis;
    vo.checkRequisites = options.checkRequisites;
    if (auto st = dl.elementString().validate(vo); !st)
        return st.error();
    return dl;
}

Result<DigitalLink> DigitalLink::fromElementString(const ElementString& elements,
                                                   const QString& base,
                                                   const DigitalLinkOptions& options)
{
    const AiTable& table = AiTable::instance();
    ValidationOptions vo;
    vo.permitUnknownAis = options.permitUnknownAis;
    vo.checkRequisites = options.checkRequisites;
    if (auto st = elements.validate(vo); !st)
        return st.error();
    const QList<AiValue> values = elements.deduplicated().values();

    qsizetype keyIndex = -1;
    for (qsizetype i = 0; i < values.size() && keyIndex < 0; ++i) {
        const AiEntry* e = table.find(values[i].ai.toStdString());
        if (e && e->dlPrimaryKey)
            keyIndex = i;
    }
    if (keyIndex < 0)
        return dlError(
            QStringLiteral("no GS1 Digital Link primary key (such as (01) GTIN) among the AIs"),
            QString(), "missing_primary_key");
    const AiEntry* key = table.find(values[keyIndex].ai.toStdString());

    // Qualifiers: every AI that one of the key's sequences names; they must all
    // fit one sequence, and go into the path in that sequence's order.
    QList<AiValue> qualifiers, others;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i == keyIndex)
            continue;
        bool isQualifier = false;
        for (const auto& seq : key->dlQualifierSequences)
            isQualifier = isQualifier || std::find(seq.begin(), seq.end(),
                                                   values[i].ai.toStdString()) != seq.end();
        (isQualifier ? qualifiers : others).append(values[i]);
    }
    const std::vector<std::string>* chosen = nullptr;
    for (const auto& seq : key->dlQualifierSequences) {
        bool all = true;
        for (const AiValue& q : qualifiers)
            all = all && std::find(seq.begin(), seq.end(), q.ai.toStdString()) != seq.end();
        if (all) {
            chosen = &seq;
            break;
        }
    }
    if (!qualifiers.isEmpty() && !chosen)
        return dlError(
            QStringLiteral("AIs %1 cannot qualify (%2) together")
                .arg(qualifiers.first().ai + u',' + qualifiers.last().ai, values[keyIndex].ai),
            qualifiers.last().ai, "invalid_qualifiers");

    DigitalLink dl;
    dl.m_base = normaliseBase(base);
    dl.m_path.append(values[keyIndex]);
    if (chosen) {
        for (const std::string& ai : *chosen) {
            for (const AiValue& q : qualifiers) {
                if (q.ai.toStdString() == ai)
                    dl.m_path.append(q);
            }
        }
    }
    // Data attributes: predefined-length AIs first (fewest FNC1s when turned
    // back into an element string), each group in the given order.
    for (int pass = 0; pass < 2; ++pass) {
        for (const AiValue& v : others) {
            const AiEntry* e = table.find(v.ai.toStdString());
            const bool predefined = e && e->predefinedLength;
            if (predefined != (pass == 0))
                continue;
            if (e && !e->dlDataAttribute)
                return dlError(
                    QStringLiteral("AI (%1) cannot be carried in a Digital Link").arg(v.ai), v.ai,
                    "invalid_attribute");
            if (!e && (!options.permitUnknownAis || options.unknownAiNotDlAttribute))
                return dlError(QStringLiteral("AI (%1) is not a known AI").arg(v.ai), v.ai,
                               "unknown_ai");
            dl.m_query.append(v);
        }
    }
    return dl;
}

Result<DigitalLink> DigitalLink::build(const QList<AiValue>& ais, const QString& base,
                                       const DigitalLinkOptions& options)
{
    return fromElementString(ElementString(ais), base, options);
}

QString DigitalLink::uriOnBase(const QString& base) const
{
    QString out = normaliseBase(base);
    for (const AiValue& v : m_path)
        out += u'/' + v.ai + u'/' + escape(v.value, false);
    for (qsizetype i = 0; i < m_query.size(); ++i)
        out += (i == 0 ? u'?' : u'&') + m_query[i].ai + u'=' + escape(m_query[i].value, true);
    return out;
}

QString DigitalLink::uri() const
{
    return uriOnBase(m_base);
}

ElementString DigitalLink::elementString() const
{
    return ElementString(m_path + m_query);
}

} // namespace dpp::gs1
