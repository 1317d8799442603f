#include "previewpanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <label/labelexporter.h>
#include <label/labelrenderer.h>
#include <label/mergesource.h>
#include <label/storemergespec.h>
#include <store/productrepository.h>

namespace dpp::ui {

PreviewPanel::PreviewPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("previewPanel"));
    auto* form = new QFormLayout(this);
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("previewProduct"));
    m_product->addItem(tr("The label's own merge source"));
    form->addRow(tr("Record"), m_product);
    m_serial = new QLineEdit(QStringLiteral("SN000001"), this);
    m_serial->setObjectName(QStringLiteral("previewSerial"));
    form->addRow(tr("Serial"), m_serial);
    m_image = new QLabel(this);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumHeight(120);
    form->addRow(m_image);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    connect(m_product, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_serial, &QLineEdit::editingFinished, this, [this] { recompute(); });
}

void PreviewPanel::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    const QSignalBlocker block(m_product);
    while (m_product->count() > 1)
        m_product->removeItem(1);
    if (!db)
        return;
    store::ProductRepository products(*db, tenantId);
    const auto page = products.page(100);
    if (!page)
        return;
    for (const passport::Product& p : page->items) {
        const auto fields = label::StoreMergeSpec::productFields(p);
        QVariantMap map;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            map.insert(it.key(), it.value());
        m_product->addItem(p.displayName() + QStringLiteral(" · ") + p.gtin, map);
    }
}

void PreviewPanel::refresh(const label::LabelDocument& document)
{
    m_document = document;
    recompute();
}

void PreviewPanel::recompute()
{
    m_error.clear();
    label::MergeRecord record;
    if (m_product->currentIndex() > 0) {
        const QVariantMap map = m_product->currentData().toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            record.set(it.key(), it.value().toString());
        const Status keys = record.setProductKeys(map.value(QStringLiteral("gtin")).toString(),
                                                  m_document.merge.lot, m_serial->text().trimmed(),
                                                  m_document.merge.expiry, m_document.merge.base);
        if (!keys)
            m_error = keys.error().param + QStringLiteral(": ") + keys.error().message;
    } else {
        auto source = label::MergeSource::open(m_document.merge);
        if (source) {
            auto got = source.value()->next(record);
            if (!got)
                m_error = got.error().message;
        } else {
            m_error = source.error().message;
        }
        // A single-record source has no serial; the preview shows the one typed here
        // so {{serial}} and a serialised Digital Link can be seen before printing.
        if (!record.has(QStringLiteral("serial")) && !m_serial->text().trimmed().isEmpty()) {
            const QString gtin = record.value(QStringLiteral("gtin")).isEmpty()
                                     ? QStringLiteral("09506000134352")
                                     : record.value(QStringLiteral("gtin"));
            const Status keys =
                record.setProductKeys(gtin, m_document.merge.lot, m_serial->text().trimmed(),
                                      m_document.merge.expiry, m_document.merge.base);
            if (!keys)
                m_error = keys.error().param + QStringLiteral(": ") + keys.error().message;
        }
    }
    m_record = record;
    // The preview: one label at about two screen pixels per point.
    const double w = m_document.labelWidthMm(), h = m_document.labelHeightMm();
    if (w > 0 && h > 0) {
        const double scale = std::min(240.0 / w, 160.0 / h); // pixels per mm
        QImage image(QSize(int(w * scale) + 1, int(h * scale) + 1), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(scale, scale);
        label::LabelRenderer renderer(m_document);
        if (const Status s = renderer.paint(p, m_record); !s && m_error.isEmpty())
            m_error = s.error().param + QStringLiteral(": ") + s.error().message;
        p.end();
        m_image->setPixmap(QPixmap::fromImage(image));
    }
    m_status->setText(m_error.isEmpty() ? m_record.value(QStringLiteral("digital_link")) : m_error);
    Q_EMIT recordChanged(m_record);
}

} // namespace dpp::ui
