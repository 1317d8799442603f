#include "batchentry.h"

#include "symbol/rasterwriter.h"
#include "symbol/svgwriter.h"
#include "symbol/symbolrenderer.h"

#include <zlib.h>

namespace dpp::exporting {

namespace {

// One deflate state per worker thread, reset per entry: setting a state up
// allocates and clears ~270 KB, which cost more than compressing a symbol.
class Deflater
{
public:
    Deflater()
    {
        // Negative window bits: raw deflate, the form a ZIP entry stores.
        // A 4 KB window and small hash cover a symbol (a few KB) and make the
        // per-entry reset cheap: the default 32 K-entry hash is cleared every time.
        m_ok = deflateInit2(&m_z, BatchEntry::kDeflateLevel, Z_DEFLATED, -12, 4,
                            Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Deflater()
    {
        if (m_ok)
            deflateEnd(&m_z);
    }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    bool deflateInto(const QByteArray& input, QByteArray* out)
    {
        if (!m_ok || deflateReset(&m_z) != Z_OK)
            return false;
        out->resize(qsizetype(deflateBound(&m_z, uLong(input.size()))));
        m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.constData()));
        m_z.avail_in = uInt(input.size());
        m_z.next_out = reinterpret_cast<Bytef*>(out->data());
        m_z.avail_out = uInt(out->size());
        if (deflate(&m_z, Z_FINISH) != Z_STREAM_END)
            return false;
        out->resize(qsizetype(m_z.total_out));
        return true;
    }

private:
    z_stream m_z{};
    bool m_ok = false;
};

} // namespace

BatchEntry BatchEntry::make(const BatchPlan& plan, const BatchItem& item,
                            symbol::Symbology symbology)
{
    const BatchRequest& r = plan.request();
    BatchEntry e;
    e.name = plan.entryName(item, symbology);
    const symbol::SymbolContent content = plan.content(item, symbology);
    auto matrix = symbol::SymbolRenderer::encode(symbology, content, r.qr, r.dataMatrix);
    if (!matrix.ok()) {
        e.error = e.name + u": " + matrix.error().message;
        return e;
    }
    symbol::SymbolMatrix m = std::move(matrix).value();
    m.setQuietZone(r.render.quietZone);
    QByteArray bytes;
    if (r.image == BatchImage::Svg) {
        bytes = symbol::SvgWriter::write(m, r.render, content.humanReadable);
    } else {
        auto png = symbol::RasterWriter::png(m, r.render, content.humanReadable);
        if (!png.ok()) {
            e.error = e.name + u": " + png.error().message;
            return e;
        }
        bytes = std::move(png).value();
    }
    e.size = bytes.size();
    e.crc =
        quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.constData()), uInt(bytes.size())));
    if (r.image == BatchImage::Png) {
        e.method = 0; // PNG is already deflated: store it
        e.data = std::move(bytes);
    } else {
        thread_local Deflater deflater;
        if (!deflater.deflateInto(bytes, &e.data))
            e.error = e.name + u": deflate failed";
    }
    return e;
}

} // namespace dpp::exporting
