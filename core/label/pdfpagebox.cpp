#include "pdfpagebox.h"

#include <QFile>
#include <QSaveFile>
#include <cmath>
#include <vector>

namespace dpp::label {

Status PdfPageBox::fix(QByteArray& pdf, double widthPt, double heightPt)
{
    const int roundedW = int(std::lround(widthPt));
    const int roundedH = int(std::lround(heightPt));
    const QByteArray from = "/MediaBox [0 0 " + QByteArray::number(roundedW) + ".000000 " +
                            QByteArray::number(roundedH) + ".000000]";
    const QByteArray to = "/MediaBox [0 " + QByteArray::number(roundedH - heightPt, 'f', 6) + ' ' +
                          QByteArray::number(widthPt, 'f', 6) + ' ' + QByteArray::number(roundedH) +
                          ".000000]";
    const qsizetype delta = to.size() - from.size();

    // Positions of the original file where an edit happened, in order.
    std::vector<qsizetype> edits;
    QByteArray out;
    out.reserve(pdf.size() + 1024);
    qsizetype pos = 0;
    const qsizetype xrefAt = pdf.lastIndexOf("\nxref\n");
    if (xrefAt < 0)
        return Error{QStringLiteral("pdf"), QStringLiteral("no cross-reference table"),
                     QStringLiteral("internal")};
    while (true) {
        const qsizetype hit = pdf.indexOf(from, pos);
        if (hit < 0 || hit > xrefAt)
            break;
        out.append(pdf.constData() + pos, hit - pos);
        out.append(to);
        edits.push_back(hit);
        pos = hit + from.size();
    }
    if (edits.empty())
        return Error{QStringLiteral("pdf"),
                     QStringLiteral("no page box %1 found").arg(QString::fromLatin1(from)),
                     QStringLiteral("internal")};
    out.append(pdf.constData() + pos, xrefAt + 1 - pos);
    auto shifted = [&](qint64 offset) {
        const auto before = std::lower_bound(edits.begin(), edits.end(), offset) - edits.begin();
        return offset + qint64(before) * delta;
    };

    // xref: "xref\n0 N\n" then N entries of "oooooooooo ggggg n \n" (20 bytes).
    qsizetype p = xrefAt + 1;
    const qsizetype headerEnd = pdf.indexOf('\n', pdf.indexOf('\n', p) + 1);
    if (headerEnd < 0)
        return Error{QStringLiteral("pdf"), QStringLiteral("truncated xref"),
                     QStringLiteral("internal")};
    out.append(pdf.constData() + p, headerEnd + 1 - p);
    p = headerEnd + 1;
    while (p + 20 <= pdf.size() && pdf.at(p) >= '0' && pdf.at(p) <= '9') {
        QByteArray entry = pdf.mid(p, 20);
        if (entry.at(17) == 'n') {
            const qint64 offset = entry.left(10).toLongLong();
            entry.replace(0, 10, QByteArray::number(shifted(offset)).rightJustified(10, '0'));
        }
        out.append(entry);
        p += 20;
    }
    const qsizetype startxref = pdf.indexOf("startxref\n", p);
    if (startxref < 0)
        return Error{QStringLiteral("pdf"), QStringLiteral("no startxref"),
                     QStringLiteral("internal")};
    out.append(pdf.constData() + p, startxref + 10 - p);
    const qsizetype numEnd = pdf.indexOf('\n', startxref + 10);
    const qint64 oldStart = pdf.mid(startxref + 10, numEnd - startxref - 10).trimmed().toLongLong();
    out.append(QByteArray::number(oldStart + qint64(edits.size()) * delta));
    out.append(pdf.constData() + numEnd, pdf.size() - numEnd);
    pdf = std::move(out);
    return Ok{};
}

Status PdfPageBox::fixFile(const QString& path, double widthPt, double heightPt)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("out"), QStringLiteral("cannot read %1").arg(path),
                     QStringLiteral("io")};
    QByteArray pdf = in.readAll();
    in.close();
    const Status s = fix(pdf, widthPt, heightPt);
    if (!s)
        return s;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(pdf) != pdf.size() || !out.commit())
        return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                     QStringLiteral("io")};
    return Ok{};
}

} // namespace dpp::label
