#include "compresseddigitallink.h"

#include "aitable.h"

#include <QHash>
#include <cmath>
#include <vector>

namespace dpp::gs1 {

namespace {

const QLatin1String kBase64("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
const QLatin1String kHex("0123456789ABCDEF");

// Pre-defined AI sequences of the compression standard (hex code → AIs). The other
// codes A–E are unallocated; F introduces a non-GS1 key=value pair.
const QHash<QString, QStringList>& optimisations()
{
    static const QHash<QString, QStringList> table = [] {
        QHash<QString, QStringList> t{{"0A", {"01", "22"}},
                                      {"0B", {"01", "10"}},
                                      {"0C", {"01", "21"}},
                                      {"0D", {"01", "17"}},
                                      {"0E", {"01", "7003"}},
                                      {"0F", {"01", "30"}},
                                      {"1A", {"01", "10", "21", "17"}},
                                      {"1B", {"01", "15"}},
                                      {"1C", {"01", "11"}},
                                      {"1D", {"01", "16"}},
                                      {"1E", {"01", "91"}},
                                      {"1F", {"01", "10", "15"}},
                                      {"9A", {"8010", "8011"}},
                                      {"9B", {"8017", "8019"}},
                                      {"9C", {"8018", "8019"}},
                                      {"9D", {"414", "254"}}};
        for (int i = 0; i < 6; ++i) {
            t.insert(QStringLiteral("2%1").arg(QChar(u'A' + i)),
                     {"01", QStringLiteral("310%1").arg(i)});
            t.insert(QStringLiteral("3%1").arg(QChar(u'A' + i)),
                     {"01", QStringLiteral("320%1").arg(i)});
        }
        for (int i = 0; i < 10; ++i) {
            t.insert(QStringLiteral("A%1").arg(i), {"01", QStringLiteral("392%1").arg(i)});
            t.insert(QStringLiteral("C%1").arg(i), {"255", QStringLiteral("390%1").arg(i)});
        }
        for (int i = 0; i < 4; ++i)
            t.insert(QStringLiteral("C%1").arg(QChar(u'A' + i)),
                     {"255", QStringLiteral("394%1").arg(i)});
        return t;
    }();
    return table;
}

// Bits needed for a number of `digits` decimal digits, and for a length up to `max`
// (the standard's formulas, including their +0.01 guard against rounding).
int valueBits(int digits)
{
    return int(std::ceil(digits * std::log(10.0) / std::log(2.0) + 0.01));
}
int lengthBits(int max)
{
    return int(std::ceil(std::log(double(max)) / std::log(2.0) + 0.01));
}

class BitReader
{
public:
    explicit BitReader(std::vector<bool> bits) : m_bits(std::move(bits)) {}
    qsizetype remaining() const { return qsizetype(m_bits.size()) - m_pos; }
    qsizetype position() const { return m_pos; }
    void rewind(qsizetype n) { m_pos -= n; }
    bool ok() const { return !m_overrun; }

    quint64 read(int n)
    {
        quint64 v = 0;
        for (int i = 0; i < n; ++i) {
            if (m_pos >= qsizetype(m_bits.size())) {
                m_overrun = true;
                return 0;
            }
            v = (v << 1) | (m_bits[size_t(m_pos++)] ? 1 : 0);
        }
        return v;
    }

    // `digits` decimal digits stored as one binary number; any size (repeated doubling).
    QString readDecimal(int digits)
    {
        QByteArray dec("0");
        const int n = valueBits(digits);
        for (int i = 0; i < n; ++i) {
            int carry = int(read(1));
            for (qsizetype k = dec.size() - 1; k >= 0; --k) {
                const int d = (dec[k] - '0') * 2 + carry;
                dec[k] = char('0' + d % 10);
                carry = d / 10;
            }
            if (carry)
                dec.prepend(char('0' + carry));
        }
        while (dec.size() > 1 && dec.startsWith('0'))
            dec.remove(0, 1);
        QString s = QString::fromLatin1(dec);
        return s.size() < digits ? QString(digits - s.size(), u'0') + s : s;
    }

private:
    std::vector<bool> m_bits;
    qsizetype m_pos = 0;
    bool m_overrun = false;
};

// A value of `count` characters in one of the standard's five encodings.
Result<QString> readEncoded(BitReader& in, int encoding, int count)
{
    QString s;
    switch (encoding) {
    case 0:
        return in.readDecimal(count);
    case 1:
    case 2:
        for (int i = 0; i < count; ++i)
            s += kHex[int(in.read(4))];
        return encoding == 1 ? s.toLower() : s;
    case 3:
        for (int i = 0; i < count; ++i)
            s += kBase64[int(in.read(6))];
        return s;
    case 4:
        for (int i = 0; i < count; ++i)
            s += QChar(char16_t(in.read(7)));
        return s;
    default:
        return Error{
            QStringLiteral("path"),
            QStringLiteral("unknown value encoding %1 in compressed Digital Link").arg(encoding),
            QStringLiteral("invalid_compressed_link")};
    }
}

// The value of one AI, component by component. Adjacent fixed-length numeric parts are
// one number in the compression standard (e.g. 8003 = N14 + X..16), and an optional
// part is a variable-length one.
Result<QString> readAiValue(BitReader& in, const QString& ai)
{
    const AiEntry* entry = AiTable::instance().find(ai.toStdString());
    if (!entry)
        return Error{
            QStringLiteral("path"),
            QStringLiteral("AI (%1) in the compressed Digital Link is not a GS1 AI").arg(ai),
            QStringLiteral("invalid_compressed_link")};
    struct Part
    {
        bool numeric;
        bool fixed;
        int length;
    };
    std::vector<Part> parts;
    for (const AiComponent& c : entry->components) {
        const bool numeric = c.charSet == CharSet::Numeric;
        const bool fixed = c.minLength == c.maxLength && !c.optional;
        if (numeric && fixed && !parts.empty() && parts.back().numeric && parts.back().fixed)
            parts.back().length += c.maxLength;
        else
            parts.push_back({numeric, fixed, c.maxLength});
    }
    QString value;
    for (const Part& p : parts) {
        if (p.numeric) {
            const int digits = p.fixed ? p.length : int(in.read(lengthBits(p.length)));
            value += in.readDecimal(digits);
        } else {
            const int encoding = int(in.read(3));
            const int count = p.fixed ? p.length : int(in.read(lengthBits(p.length)));
            auto s = readEncoded(in, encoding, count);
            if (!s.ok())
                return s.error();
            value += *s;
        }
    }
    return value;
}

} // namespace

bool CompressedDigitalLink::looksCompressed(QStringView segment)
{
    if (segment.size() < 8)
        return false;
    for (QChar c : segment)
        if (!kBase64.contains(c))
            return false;
    return true;
}

Result<CompressedDigitalLink::Decoded> CompressedDigitalLink::decompress(QStringView segment)
{
    const auto fail = [](const QString& why) {
        return Error{QStringLiteral("path"), why, QStringLiteral("invalid_compressed_link")};
    };
    if (!looksCompressed(segment))
        return fail(QStringLiteral("not a compressed Digital Link (URI-safe base64 expected)"));
    std::vector<bool> bits;
    bits.reserve(size_t(segment.size()) * 6);
    for (QChar c : segment) {
        const int v = int(kBase64.indexOf(c));
        for (int b = 5; b >= 0; --b)
            bits.push_back((v >> b) & 1);
    }
    BitReader in(std::move(bits));
    Decoded out;
    // What is left after the last value (at most 8 bits) is padding.
    while (in.remaining() > 8) {
        const int h1 = int(in.read(4));
        const int h2 = int(in.read(4));
        QStringList ais;
        if (h1 <= 9 && h2 <= 9) {
            QString ai = QStringLiteral("%1%2").arg(h1).arg(h2);
            const int length = AiTable::aiLengthByPrefix(ai.toStdString());
            if (length == 0)
                return fail(QStringLiteral("AI prefix %1 is not allocated").arg(ai));
            while (ai.size() < length) {
                const int d = int(in.read(4));
                if (d > 9)
                    return fail(QStringLiteral("AI %1… is not numeric").arg(ai));
                ai += QChar(u'0' + d);
            }
            ais.append(ai);
        } else if (const QString code = QString(kHex[h1]) + kHex[h2];
                   optimisations().contains(code)) {
            ais = optimisations().value(code);
        } else if (h1 == 0xF) {
            // Non-GS1 pair: a 7-bit key length made of h2's bits and three more.
            in.rewind(4);
            const int keyLength = int(in.read(7));
            QString key;
            for (int i = 0; i < keyLength; ++i)
                key += kBase64[int(in.read(6))];
            const int encoding = int(in.read(3));
            const int count = int(in.read(7));
            auto value = readEncoded(in, encoding, count);
            if (!value.ok())
                return value.error();
            out.nonGs1.append({key, *value});
            continue;
        } else {
            return fail(QStringLiteral("unknown optimisation code %1").arg(code));
        }
        for (const QString& ai : ais) {
            auto value = readAiValue(in, ai);
            if (!value.ok())
                return value.error();
            out.ais.append({ai, *value});
        }
        if (!in.ok())
            return fail(QStringLiteral("the compressed Digital Link ends inside a value"));
    }
    if (!in.ok() || out.ais.isEmpty())
        return fail(QStringLiteral("the compressed Digital Link holds no complete AI"));
    return out;
}

} // namespace dpp::gs1
