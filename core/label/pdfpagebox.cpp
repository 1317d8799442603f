#include "pdfpagebox.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <vector>

namespace dpp::label {

namespace {

Error broken(const QString& why)
{
    return Error{QStringLiteral("pdf"), why, QStringLiteral("internal")};
}

// Streams `in` to `out` with every page box replaced, then rewrites the xref
// table and startxref. Only the xref table is held in memory, so a
// 10,000-page job is fixed without loading the file.
Status rewrite(QIODevice& in, QIODevice& out, double widthPt, double heightPt)
{
    const int roundedW = int(std::lround(widthPt));
    const int roundedH = int(std::lround(heightPt));
    const QByteArray from = "/MediaBox [0 0 " + QByteArray::number(roundedW) + ".000000 " +
                            QByteArray::number(roundedH) + ".000000]";
    const QByteArray to = "/MediaBox [0 " + QByteArray::number(roundedH - heightPt, 'f', 6) + ' ' +
                          QByteArray::number(widthPt, 'f', 6) + ' ' + QByteArray::number(roundedH) +
                          ".000000]";
    const qint64 delta = to.size() - from.size();

    // Where the xref table starts: the number after the last "startxref".
    const qint64 size = in.size();
    if (!in.seek(std::max<qint64>(0, size - 1024)))
        return broken(QStringLiteral("cannot read the PDF"));
    const QByteArray tail = in.read(1024);
    const qsizetype sx = tail.lastIndexOf("startxref\n");
    if (sx < 0)
        return broken(QStringLiteral("no startxref"));
    const qint64 xrefAt =
        tail.mid(sx + 10, tail.indexOf('\n', sx + 10) - sx - 10).trimmed().toLongLong();
    if (xrefAt <= 0 || xrefAt >= size)
        return broken(QStringLiteral("bad startxref"));

    // Body: replace in chunks, carrying an overlap so a box split across two reads is found.
    std::vector<qint64> edits;
    constexpr qint64 kChunk = 1 << 20;
    if (!in.seek(0))
        return broken(QStringLiteral("cannot read the PDF"));
    QByteArray carry;
    qint64 carryStart = 0; // original offset of carry[0]
    while (carryStart + carry.size() < xrefAt) {
        const qint64 want = std::min(kChunk, xrefAt - (carryStart + carry.size()));
        const QByteArray chunk = in.read(want);
        if (chunk.isEmpty())
            return broken(QStringLiteral("truncated PDF"));
        carry += chunk;
        const bool last = carryStart + carry.size() >= xrefAt;
        const qsizetype safeEnd = last ? carry.size() : carry.size() - (from.size() - 1);
        qsizetype pos = 0;
        while (true) {
            const qsizetype hit = carry.indexOf(from, pos);
            // Past safeEnd the next round sees it again with more context.
            if (hit < 0 || (!last && hit >= safeEnd))
                break;
            out.write(carry.constData() + pos, hit - pos);
            out.write(to);
            edits.push_back(carryStart + hit);
            pos = hit + from.size();
        }
        const qsizetype keepFrom = std::max(pos, safeEnd);
        out.write(carry.constData() + pos, keepFrom - pos);
        carry = carry.mid(keepFrom);
        carryStart += keepFrom;
    }
    if (!carry.isEmpty())
        out.write(carry);
    if (edits.empty())
        return broken(QStringLiteral("no page box %1 found").arg(QString::fromLatin1(from)));
    auto shifted = [&](qint64 offset) {
        const auto before = std::lower_bound(edits.begin(), edits.end(), offset) - edits.begin();
        return offset + qint64(before) * delta;
    };

    // xref: "xref\n0 N\n" then N entries of "oooooooooo ggggg n \n" (20 bytes).
    if (!in.seek(xrefAt))
        return broken(QStringLiteral("cannot read the xref"));
    const QByteArray xref = in.readAll();
    if (!xref.startsWith("xref\n"))
        return broken(QStringLiteral("startxref does not point at an xref table"));
    const qsizetype headerEnd = xref.indexOf('\n', xref.indexOf('\n') + 1);
    if (headerEnd < 0)
        return broken(QStringLiteral("truncated xref"));
    QByteArray rewritten = xref.left(headerEnd + 1);
    qsizetype p = headerEnd + 1;
    while (p + 20 <= xref.size() && xref.at(p) >= '0' && xref.at(p) <= '9') {
        QByteArray entry = xref.mid(p, 20);
        if (entry.at(17) == 'n') {
            const qint64 offset = entry.left(10).toLongLong();
            entry.replace(0, 10, QByteArray::number(shifted(offset)).rightJustified(10, '0'));
        }
        rewritten += entry;
        p += 20;
    }
    const qsizetype startxref = xref.indexOf("startxref\n", p);
    if (startxref < 0)
        return broken(QStringLiteral("no startxref"));
    rewritten += xref.mid(p, startxref + 10 - p);
    const qsizetype numEnd = xref.indexOf('\n', startxref + 10);
    rewritten += QByteArray::number(xrefAt + qint64(edits.size()) * delta);
    rewritten += xref.mid(numEnd);
    out.write(rewritten);
    return Ok{};
}

} // namespace

Status PdfPageBox::fix(QByteArray& pdf, double widthPt, double heightPt)
{
    QBuffer in(&pdf);
    in.open(QIODevice::ReadOnly);
    QByteArray result;
    QBuffer out(&result);
    out.open(QIODevice::WriteOnly);
    if (Status s = rewrite(in, out, widthPt, heightPt); !s)
        return s;
    in.close();
    out.close();
    pdf = std::move(result);
    return Ok{};
}

Status PdfPageBox::fixFile(const QString& path, double widthPt, double heightPt)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("out"), QStringLiteral("cannot read %1").arg(path),
                     QStringLiteral("io")};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                     QStringLiteral("io")};
    if (Status s = rewrite(in, out, widthPt, heightPt); !s) {
        out.cancelWriting();
        return s;
    }
    in.close();
    if (!out.commit())
        return Error{QStringLiteral("out"), QStringLiteral("cannot write %1").arg(path),
                     QStringLiteral("io")};
    return Ok{};
}

} // namespace dpp::label
