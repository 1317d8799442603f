// MergeSource: where a label job's records come from, streamed one at a time
// so a 100,000-label job holds one record in memory: a serial range for one
// product (SN000001-SN000500), a list of serials (a batch), a CSV file, a
// list of products, or a single record; each record repeated `copies` times.
#pragma once

#include "mergerecord.h"
#include "result.h"

#include <QJsonObject>
#include <QStringList>
#include <memory>

namespace dpp::label {

struct MergeSpec
{
    enum class Kind { Single, Serials, Csv, Products };
    Kind kind = Kind::Single;
    QString gtin;
    QString lot;
    QString expiry;  // yyyy-MM-dd
    QString serials; // "SN000001-SN000500" (inclusive range) or "A1,A2,A3"
    // Kind::Serials from the store: the serials themselves (not saved in the
    // file); takes precedence over `serials`, and serials may contain commas.
    QStringList serialList;
    QString csvFile;
    QString base; // resolver base for digital_link; empty = https://id.gs1.org
    int copies = 1;
    QHash<QString, QString> extra; // fixed fields (product.name, passport.*), e.g. from the store
    QList<QHash<QString, QString>> products; // Kind::Products: one field map per product

    static Result<MergeSpec> fromJson(const QJsonObject& object, const QString& path);
    QJsonObject toJson() const;
    // The fields this source supplies, for design-time checks of merge fields.
    // CSV columns are only known once the file is read: `csvColumns` may list them.
    QStringList suppliedFields(const QStringList& csvColumns = {}) const;
};

// Command-line or GUI overrides of a document's merge source; empty = keep.
struct MergeOverrides
{
    QString gtin, lot, expiry, serials, csvFile, base;
    int copies = 0;
    // Applies the overrides: --serials makes a serial source, --csv a CSV source.
    MergeSpec applyTo(MergeSpec spec) const;
};

// Parses "SN000001-SN000500": same prefix, same digit width, first ≤ last.
struct SerialRange
{
    QString prefix;
    qint64 first = 0;
    qint64 last = 0;
    int width = 0;
    qint64 count() const { return last - first + 1; }
    QString at(qint64 index) const;
    static Result<SerialRange> parse(const QString& text, const QString& param);
};

class MergeSource
{
public:
    static Result<std::unique_ptr<MergeSource>> open(const MergeSpec& spec);
    virtual ~MergeSource() = default;
    // Records before copies; -1 when unknown until read.
    virtual qint64 recordCount() const = 0;
    // Fills `record` (with "counter", 1-based over labels, and "copy") and
    // returns true, or false at the end; errors name the record.
    Result<bool> next(MergeRecord& record);
    // Skips to label index `labelIndex` (0-based, copies counted): resume.
    Status seek(qint64 labelIndex);
    int copies() const { return m_copies; }

protected:
    virtual Result<bool> readRecord(qint64 index, MergeRecord& record) = 0;
    int m_copies = 1;

private:
    qint64 m_label = 0;
    qint64 m_recordIndex = -1;
    MergeRecord m_current;
};

} // namespace dpp::label
