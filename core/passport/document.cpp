#include "document.h"

namespace dpp::passport {

const QStringList& Document::docTypes()
{
    static const QStringList list = {"declaration_of_conformity",
                                     "test_report",
                                     "safety_data_sheet",
                                     "user_manual",
                                     "repair_manual",
                                     "disassembly_instructions",
                                     "carbon_footprint_study",
                                     "due_diligence_report",
                                     "certificate",
                                     "technical_documentation",
                                     "warranty",
                                     "recycling_instructions",
                                     "image",
                                     "other"};
    return list;
}

const QStringList& Document::mediaTypes()
{
    static const QStringList list = {"application/pdf",  "image/png",       "image/jpeg",
                                     "image/svg+xml",    "text/plain",      "text/csv",
                                     "application/json", "application/zip", "application/xml"};
    return list;
}

QString Document::filenameProblem(const QString& name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("is required");
    if (name.size() > 255)
        return QStringLiteral("must be at most 255 characters");
    if (name == QLatin1String(".") || name == QLatin1String("..") || name.startsWith(u'.'))
        return QStringLiteral("must not start with a dot");
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c == u':')
            return QStringLiteral("must be a file name, not a path");
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("must not contain control characters");
    }
    return {};
}

FieldErrors Document::validate() const
{
    FieldErrors errors;
    if (!docTypes().contains(docType))
        errors.append(
            {QStringLiteral("doc_type"),
             QStringLiteral("must be one of: %1").arg(docTypes().join(QStringLiteral(", ")))});
    const QString problem = filenameProblem(filename);
    if (!problem.isEmpty())
        errors.append({QStringLiteral("filename"), problem});
    if (!mediaTypes().contains(mediaType))
        errors.append(
            {QStringLiteral("media_type"),
             QStringLiteral("must be one of: %1").arg(mediaTypes().join(QStringLiteral(", ")))});
    if (size <= 0)
        errors.append({QStringLiteral("size"), QStringLiteral("the file is empty")});
    else if (size > 50LL * 1024 * 1024)
        errors.append({QStringLiteral("size"), QStringLiteral("must be at most 50 MiB")});
    return errors;
}

QJsonObject Document::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("doc_type"), docType},
                  {QStringLiteral("filename"), filename},
                  {QStringLiteral("media_type"), mediaType},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("sha256"), sha256},
                  {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!productId.isEmpty())
        o.insert(QStringLiteral("product_id"), productId);
    return o;
}

} // namespace dpp::passport
