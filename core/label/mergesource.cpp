#include "mergesource.h"

#include "export/csvreader.h"
#include "jsonfields.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace dpp::label {

namespace {
const QStringList kKinds = {QStringLiteral("single"), QStringLiteral("serials"),
                            QStringLiteral("csv"), QStringLiteral("products")};

class KeysSource : public MergeSource
{
public:
    KeysSource(const MergeSpec& spec, std::optional<SerialRange> range, QStringList list)
        : m_spec(spec), m_range(std::move(range)), m_list(std::move(list))
    {}
    qint64 recordCount() const override
    {
        if (m_spec.kind == MergeSpec::Kind::Single)
            return 1;
        if (m_spec.kind == MergeSpec::Kind::Products)
            return m_spec.products.size();
        return m_range ? m_range->count() : m_list.size();
    }

protected:
    Result<bool> readRecord(qint64 index, MergeRecord& record) override
    {
        if (index >= recordCount())
            return false;
        record = MergeRecord{};
        for (auto it = m_spec.extra.begin(); it != m_spec.extra.end(); ++it)
            record.set(it.key(), it.value());
        QString gtin = m_spec.gtin;
        QString serial;
        if (m_spec.kind == MergeSpec::Kind::Products) {
            const auto& p = m_spec.products.at(index);
            for (auto it = p.begin(); it != p.end(); ++it)
                record.set(it.key(), it.value());
            gtin = p.value(QStringLiteral("gtin"));
        } else if (m_spec.kind == MergeSpec::Kind::Serials) {
            serial = m_range ? m_range->at(index) : m_list.at(index);
        }
        if (!gtin.isEmpty()) {
            const Status s =
                record.setProductKeys(gtin, m_spec.lot, serial, m_spec.expiry, m_spec.base);
            if (!s)
                return Error{QStringLiteral("record %1: %2").arg(index + 1).arg(s.error().param),
                             s.error().message, s.error().code};
        }
        return true;
    }

private:
    MergeSpec m_spec;
    std::optional<SerialRange> m_range;
    QStringList m_list;
};

class CsvSource : public MergeSource
{
public:
    CsvSource(const MergeSpec& spec, exporting::CsvReader::Table table)
        : m_spec(spec), m_table(std::move(table))
    {}
    qint64 recordCount() const override { return m_table.records.size() - 1; }

protected:
    Result<bool> readRecord(qint64 index, MergeRecord& record) override
    {
        if (index >= recordCount())
            return false;
        record = MergeRecord{};
        const QStringList& header = m_table.records.first();
        const QStringList& row = m_table.records.at(index + 1);
        for (qsizetype c = 0; c < header.size(); ++c)
            record.set(QStringLiteral("csv.") + header.at(c).trimmed(), row.value(c));
        // Columns named like the product keys also drive the Digital Link.
        const QString gtin = record.value(QStringLiteral("csv.gtin"));
        if (!gtin.isEmpty()) {
            const Status s =
                record.setProductKeys(gtin, record.value(QStringLiteral("csv.lot")),
                                      record.value(QStringLiteral("csv.serial")),
                                      record.value(QStringLiteral("csv.expiry")), m_spec.base);
            if (!s)
                return Error{QStringLiteral("csv line %1: %2")
                                 .arg(m_table.lines.value(index + 1))
                                 .arg(s.error().param),
                             s.error().message, s.error().code};
        }
        return true;
    }

private:
    MergeSpec m_spec;
    exporting::CsvReader::Table m_table;
};
} // namespace

MergeSpec MergeOverrides::applyTo(MergeSpec spec) const
{
    auto keep = [](QString& target, const QString& v) {
        if (!v.isEmpty())
            target = v;
    };
    keep(spec.gtin, gtin);
    keep(spec.lot, lot);
    keep(spec.expiry, expiry);
    keep(spec.base, base);
    if (!serials.isEmpty()) {
        spec.kind = MergeSpec::Kind::Serials;
        spec.serials = serials;
    } else if (!csvFile.isEmpty()) {
        spec.kind = MergeSpec::Kind::Csv;
        spec.csvFile = csvFile;
    } else if (!gtin.isEmpty() && spec.kind == MergeSpec::Kind::Csv) {
        spec.kind = MergeSpec::Kind::Single;
    }
    if (copies > 0)
        spec.copies = copies;
    return spec;
}

QString SerialRange::at(qint64 index) const
{
    return prefix + QString::number(first + index).rightJustified(width, u'0');
}

Result<SerialRange> SerialRange::parse(const QString& text, const QString& param)
{
    static const QRegularExpression re(QStringLiteral(R"(^([^-]*?)([0-9]+)-([^-]*?)([0-9]+)$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1) != m.captured(3))
        return Error{param, QStringLiteral("'%1' is not a range like SN000001-SN000500").arg(text),
                     QStringLiteral("invalid_range")};
    SerialRange r;
    r.prefix = m.captured(1);
    r.width = int(m.captured(2).size());
    r.first = m.captured(2).toLongLong();
    r.last = m.captured(4).toLongLong();
    if (r.width > 18 || m.captured(4).size() > 18)
        return Error{param, QStringLiteral("serial numbers longer than 18 digits"),
                     QStringLiteral("invalid_range")};
    if (r.last < r.first)
        return Error{param, QStringLiteral("the range ends before it starts"),
                     QStringLiteral("invalid_range")};
    return r;
}

Result<MergeSpec> MergeSpec::fromJson(const QJsonObject& object, const QString& path)
{
    const JsonFields f(object, path);
    MergeSpec s;
    QString kind;
    DPP_TAKE(kind, f.choice(QStringLiteral("kind"), kKinds, QStringLiteral("single")));
    s.kind = Kind(kKinds.indexOf(kind));
    DPP_TAKE(s.gtin, f.string(QStringLiteral("gtin"), QString()));
    DPP_TAKE(s.lot, f.string(QStringLiteral("lot"), QString()));
    DPP_TAKE(s.expiry, f.string(QStringLiteral("expiry"), QString()));
    DPP_TAKE(s.serials, f.string(QStringLiteral("serials"), QString(), s.kind == Kind::Serials));
    DPP_TAKE(s.csvFile, f.string(QStringLiteral("file"), QString(), s.kind == Kind::Csv));
    DPP_TAKE(s.base, f.string(QStringLiteral("base"), QString()));
    DPP_TAKE(s.copies, f.integer(QStringLiteral("copies"), 1, 1, 100000));
    const QJsonObject fields = object.value(QStringLiteral("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isString())
            return Error{f.pathOf(QStringLiteral("fields.") + it.key()),
                         QStringLiteral("must be a string"), QStringLiteral("invalid_type")};
        s.extra.insert(it.key(), it.value().toString());
    }
    return s;
}

QJsonObject MergeSpec::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kKinds.at(int(kind))}};
    auto put = [&](const char* key, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("gtin", gtin);
    put("lot", lot);
    put("expiry", expiry);
    put("serials", serials);
    put("file", csvFile);
    put("base", base);
    if (copies != 1)
        o.insert(QStringLiteral("copies"), copies);
    if (!extra.isEmpty()) {
        QJsonObject fields;
        for (auto it = extra.begin(); it != extra.end(); ++it)
            fields.insert(it.key(), it.value());
        o.insert(QStringLiteral("fields"), fields);
    }
    return o;
}

QStringList MergeSpec::suppliedFields(const QStringList& csvColumns) const
{
    QStringList out = {QStringLiteral("counter"), QStringLiteral("copy")};
    const QStringList keys = {QStringLiteral("gtin"),         QStringLiteral("lot"),
                              QStringLiteral("serial"),       QStringLiteral("expiry"),
                              QStringLiteral("digital_link"), QStringLiteral("element_string")};
    bool hasKeys = !gtin.isEmpty() || kind == Kind::Products;
    for (const QString& c : csvColumns) {
        out << QStringLiteral("csv.") + c.trimmed();
        if (c.trimmed() == QLatin1String("gtin"))
            hasKeys = true;
    }
    if (hasKeys)
        out << keys;
    out << extra.keys();
    if (kind == Kind::Products && !products.isEmpty())
        out << products.first().keys();
    return out;
}

Result<std::unique_ptr<MergeSource>> MergeSource::open(const MergeSpec& spec)
{
    std::unique_ptr<MergeSource> src;
    if (spec.kind == MergeSpec::Kind::Csv) {
        QFile f(spec.csvFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("merge.file"),
                         QStringLiteral("cannot read %1").arg(spec.csvFile), QStringLiteral("io")};
        auto table = exporting::CsvReader::parse(f.readAll());
        if (!table)
            return Error{QStringLiteral("merge.file"), table.error().message, table.error().code};
        src = std::make_unique<CsvSource>(spec, std::move(table).value());
    } else {
        std::optional<SerialRange> range;
        QStringList list;
        if (spec.kind == MergeSpec::Kind::Serials) {
            if (!spec.serialList.isEmpty()) {
                list = spec.serialList;
            } else if (spec.serials.contains(u',')) {
                list = spec.serials.split(u',', Qt::SkipEmptyParts);
            } else if (spec.serials.contains(u'-')) {
                auto r = SerialRange::parse(spec.serials, QStringLiteral("merge.serials"));
                if (!r)
                    return r.error();
                range = r.value();
            } else {
                list = {spec.serials};
            }
        }
        if (spec.gtin.isEmpty() && spec.kind == MergeSpec::Kind::Serials)
            return Error{QStringLiteral("merge.gtin"),
                         QStringLiteral("a serial range needs a GTIN"), QStringLiteral("required")};
        src = std::make_unique<KeysSource>(spec, std::move(range), std::move(list));
    }
    src->m_copies = spec.copies;
    return src;
}

Result<bool> MergeSource::next(MergeRecord& record)
{
    const qint64 recordIndex = m_label / m_copies;
    if (recordIndex != m_recordIndex) {
        auto got = readRecord(recordIndex, m_current);
        if (!got || !got.value())
            return got;
        m_recordIndex = recordIndex;
    }
    record = m_current;
    record.set(QStringLiteral("counter"), QString::number(m_label + 1));
    record.set(QStringLiteral("copy"), QString::number(m_label % m_copies + 1));
    ++m_label;
    return true;
}

Status MergeSource::seek(qint64 labelIndex)
{
    const qint64 count = recordCount();
    if (labelIndex < 0 || (count >= 0 && labelIndex > count * m_copies))
        return Error{QStringLiteral("resume"),
                     QStringLiteral("label %1 is outside the job").arg(labelIndex + 1),
                     QStringLiteral("out_of_range")};
    m_label = labelIndex;
    return Ok{};
}

} // namespace dpp::label
