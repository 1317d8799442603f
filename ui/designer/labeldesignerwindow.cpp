#include "labeldesignerwindow.h"

#include "arrange.h"
#include "designercanvas.h"
#include "labeldesigndocument.h"
#include "mergefieldpicker.h"
#include "previewpanel.h"
#include "print/printdialog.h"
#include "propertypanel.h"
#include "ruler.h"
#include "stockpickerdialog.h"
#include "warningspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <algorithm>

namespace dpp::ui {

using label::Distance;
using label::LabelElement;

namespace {
const char* const kClipboardMime = "application/x-dpplabel-elements";
}

LabelDesignerWindow::LabelDesignerWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("labelDesigner"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto library = label::StockLibrary::load();
    if (library)
        m_library = std::move(library).value();
    else
        QMessageBox::warning(
            this, tr("Label stock"),
            tr("The stock library could not be read: %1")
                .arg(library.error().param + QStringLiteral(": ") + library.error().message));

    m_canvas = new DesignerCanvas(this);
    m_hRuler = new Ruler(Qt::Horizontal, m_canvas, this);
    m_vRuler = new Ruler(Qt::Vertical, m_canvas, this);
    auto* central = new QWidget(this);
    auto* grid = new QGridLayout(central);
    grid->setSpacing(0);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_hRuler, 0, 1);
    grid->addWidget(m_vRuler, 1, 0);
    grid->addWidget(m_canvas, 1, 1);
    // Rulers take their positions relative to this widget.
    m_hRuler->setParent(central);
    m_vRuler->setParent(central);
    setCentralWidget(central);

    m_properties = new PropertyPanel(this);
    auto* propDock = new QDockWidget(tr("Properties"), this);
    propDock->setObjectName(QStringLiteral("propertiesDock"));
    propDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, propDock);
    m_preview = new PreviewPanel(this);
    auto* previewDock = new QDockWidget(tr("Preview"), this);
    previewDock->setObjectName(QStringLiteral("previewDock"));
    previewDock->setWidget(m_preview);
    addDockWidget(Qt::RightDockWidgetArea, previewDock);
    m_warnings = new WarningsPanel(this);
    auto* warnDock = new QDockWidget(tr("Warnings"), this);
    warnDock->setObjectName(QStringLiteral("warningsDock"));
    warnDock->setWidget(m_warnings);
    addDockWidget(Qt::BottomDockWidgetArea, warnDock);

    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(150);
    connect(m_checkTimer, &QTimer::timeout, this, &LabelDesignerWindow::runChecks);
    connect(m_canvas, &DesignerCanvas::selectionChanged, m_properties,
            &PropertyPanel::setSelection);
    connect(m_preview, &PreviewPanel::recordChanged, this,
            [this](const label::MergeRecord& record) {
                m_canvas->setPreviewRecord(record);
                m_warnings->check(m_document->document(), record);
            });
    connect(m_warnings, &WarningsPanel::elementActivated, this, [this](int index) {
        if (index >= 0)
            m_canvas->selectIndexes({index});
    });
    connect(m_canvas, &DesignerCanvas::zoomChanged, this, [this](double zoom) {
        statusBar()->showMessage(tr("Zoom %1 %").arg(qRound(zoom * 100)), 2000);
    });

    createActions();
    // A sensible default: the first roll label, as gLabels opens on a blank stock.
    label::LabelDocument blank;
    blank.name = tr("Untitled label");
    if (const label::LabelStock* s = m_library.find(QStringLiteral("roll-102x76")))
        blank.stock = *s;
    else if (!m_library.all().isEmpty())
        blank.stock = m_library.all().first();
    else {
        blank.stock.labelWidth = Distance::mm(100);
        blank.stock.labelHeight = Distance::mm(50);
    }
    setDocument(blank, QString());
    resize(1200, 760);
}

LabelDesignerWindow::~LabelDesignerWindow()
{
    // The undo stack signals while it is destroyed; nobody here listens any more.
    dropDocument();
}

void LabelDesignerWindow::dropDocument()
{
    if (!m_document)
        return;
    m_document->undoStack()->disconnect();
    m_document->disconnect();
    delete m_document;
    m_document = nullptr;
}

void LabelDesignerWindow::setStore(std::shared_ptr<store::Database> db, const QString& tenantId)
{
    m_db = std::move(db);
    m_tenantId = tenantId;
    m_preview->setStore(m_db, m_tenantId);
}

void LabelDesignerWindow::createActions()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* newLabelAction = file->addAction(tr("&New label…"), QKeySequence::New, this, [this] {
        if (!maybeSave())
            return;
        StockPickerDialog picker(m_library, this);
        if (picker.exec() == QDialog::Accepted)
            newLabel(picker.stockId());
    });
    newLabelAction->setObjectName(QStringLiteral("actionNewLabel"));
    auto* examples = file->addMenu(tr("New from &example"));
    for (const QString& name : exampleNames()) {
        QAction* a = examples->addAction(name, this, [this, name] {
            if (maybeSave())
                newFromExample(name);
        });
        a->setObjectName(QStringLiteral("example_") + name);
    }
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        if (!maybeSave())
            return;
        const QString f = QFileDialog::getOpenFileName(this, tr("Open label"), QString(),
                                                       tr("Labels (*.dpplabel)"));
        if (!f.isEmpty())
            openFile(f);
    });
    file->addAction(tr("&Save"), QKeySequence::Save, this, &LabelDesignerWindow::save);
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, &LabelDesignerWindow::saveAs);
    file->addSeparator();
    QAction* print = file->addAction(tr("&Print…"), QKeySequence::Print, this,
                                     &LabelDesignerWindow::openPrintDialog);
    print->setObjectName(QStringLiteral("actionPrint"));
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = edit->addAction(tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    connect(m_undo, &QAction::triggered, this, [this] { m_document->undoStack()->undo(); });
    connect(m_redo, &QAction::triggered, this, [this] { m_document->undoStack()->redo(); });
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, this, [this] {
        copy();
        deleteSelection();
    });
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &LabelDesignerWindow::copy);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, this, &LabelDesignerWindow::paste);
    edit->addAction(tr("&Delete"), QKeySequence::Delete, this,
                    &LabelDesignerWindow::deleteSelection);
    edit->addAction(tr("Select &all"), QKeySequence::SelectAll, this, [this] {
        QList<int> all(m_document->count());
        std::iota(all.begin(), all.end(), 0);
        m_canvas->selectIndexes(all);
    });

    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom to &fit"), this, [this] { m_canvas->zoomToFit(); });
    view->addAction(tr("&Actual size (100 %)"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this] { m_canvas->setZoom(1.0); });
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this,
                    [this] { m_canvas->setZoom(m_canvas->zoom() * 1.25); });
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this,
                    [this] { m_canvas->setZoom(m_canvas->zoom() / 1.25); });
    view->addSeparator();
    QAction* gridAction = view->addAction(tr("Show &grid"));
    gridAction->setCheckable(true);
    gridAction->setChecked(true);
    connect(gridAction, &QAction::toggled, m_canvas, &DesignerCanvas::setGridVisible);
    QAction* snapGrid = view->addAction(tr("Snap to g&rid"));
    snapGrid->setCheckable(true);
    snapGrid->setChecked(true);
    connect(snapGrid, &QAction::toggled, this,
            [this](bool on) { m_canvas->snapper().snapToGrid = on; });
    QAction* snapElements = view->addAction(tr("Snap to &elements"));
    snapElements->setCheckable(true);
    snapElements->setChecked(true);
    connect(snapElements, &QAction::toggled, this,
            [this](bool on) { m_canvas->snapper().snapToElements = on; });
    QAction* inches = view->addAction(tr("Rulers in &inches"));
    inches->setCheckable(true);
    connect(inches, &QAction::toggled, this, [this](bool on) {
        m_hRuler->setInches(on);
        m_vRuler->setInches(on);
    });

    auto* insert = menuBar()->addMenu(tr("&Insert"));
    auto* toolbox = addToolBar(tr("Toolbox"));
    toolbox->setObjectName(QStringLiteral("toolbox"));
    const QList<std::pair<QString, QString>> tools = {
        {QStringLiteral("text"), tr("Text")},
        {QStringLiteral("qr"), tr("QR code")},
        {QStringLiteral("datamatrix"), tr("DataMatrix")},
        {QStringLiteral("ean13"), tr("EAN-13")},
        {QStringLiteral("upca"), tr("UPC-A")},
        {QStringLiteral("gs1-128"), tr("GS1-128")},
        {QStringLiteral("image"), tr("Image…")},
        {QStringLiteral("line"), tr("Line")},
        {QStringLiteral("rect"), tr("Rectangle")},
        {QStringLiteral("ellipse"), tr("Ellipse")},
    };
    for (const auto& [kind, text] : tools) {
        QAction* a = insert->addAction(text);
        a->setObjectName(QStringLiteral("tool_") + kind);
        const QString k = kind;
        connect(a, &QAction::triggered, this, [this, k] { addElementOfKind(k); });
        toolbox->addAction(a);
    }

    auto* arrangeMenu = menuBar()->addMenu(tr("&Arrange"));
    const QList<std::pair<QString, arrange::Align>> aligns = {
        {tr("Align &left"), arrange::Align::Left},
        {tr("Align &centre"), arrange::Align::HCenter},
        {tr("Align &right"), arrange::Align::Right},
        {tr("Align &top"), arrange::Align::Top},
        {tr("Align &middle"), arrange::Align::VCenter},
        {tr("Align &bottom"), arrange::Align::Bottom},
    };
    for (const auto& [text, how] : aligns) {
        const int h = int(how);
        arrangeMenu->addAction(text, this, [this, h] { align(h); });
    }
    arrangeMenu->addSeparator();
    arrangeMenu->addAction(tr("Distribute &horizontally"), this,
                           [this] { distribute(int(arrange::Distribute::Horizontal)); });
    arrangeMenu->addAction(tr("Distribute &vertically"), this,
                           [this] { distribute(int(arrange::Distribute::Vertical)); });
    arrangeMenu->addSeparator();
    arrangeMenu->addAction(tr("Bring to &front"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight),
                           this, [this] { reorder(true); });
    arrangeMenu->addAction(tr("Send to &back"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft), this,
                           [this] { reorder(false); });
    arrangeMenu->addAction(tr("Rotate &90°"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                           &LabelDesignerWindow::rotateSelection);
    arrangeMenu->addAction(tr("&Lock / unlock"), QKeySequence(Qt::CTRL | Qt::Key_L), this,
                           &LabelDesignerWindow::toggleLock);
}

QStringList LabelDesignerWindow::exampleNames()
{
    QStringList out;
    for (const QString& f :
         QDir(QStringLiteral(":/labels")).entryList({QStringLiteral("*.dpplabel")}))
        out.append(QFileInfo(f).completeBaseName());
    return out;
}

void LabelDesignerWindow::setDocument(label::LabelDocument document, const QString& fileName)
{
    dropDocument();
    m_document = new LabelDesignDocument(std::move(document), this);
    m_document->setFileName(fileName);
    m_canvas->setDocument(m_document);
    m_properties->setDocument(m_document);
    m_properties->mergeFieldPicker()->setExtraFields(m_document->document().merge.suppliedFields());
    connect(m_document, &LabelDesignDocument::elementChanged, this,
            &LabelDesignerWindow::scheduleChecks);
    connect(m_document, &LabelDesignDocument::elementsReset, this,
            &LabelDesignerWindow::scheduleChecks);
    QUndoStack* stack = m_document->undoStack();
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, this,
            [this](const QString& t) { m_undo->setText(tr("&Undo %1").arg(t)); });
    connect(stack, &QUndoStack::redoTextChanged, this,
            [this](const QString& t) { m_redo->setText(tr("&Redo %1").arg(t)); });
    connect(stack, &QUndoStack::cleanChanged, this, &LabelDesignerWindow::updateTitle);
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    updateTitle();
    runChecks();
    QTimer::singleShot(0, m_canvas, &DesignerCanvas::zoomToFit);
}

void LabelDesignerWindow::updateTitle()
{
    const QString name = m_document->fileName().isEmpty()
                             ? m_document->document().name
                             : QFileInfo(m_document->fileName()).fileName();
    setWindowTitle(tr("%1[*] — Label designer").arg(name));
    setWindowModified(!m_document->undoStack()->isClean());
}

void LabelDesignerWindow::scheduleChecks()
{
    // Deferred: edits arrive from inside mouse handlers of items that the
    // preview's refresh may rebuild.
    m_checkTimer->start();
}

void LabelDesignerWindow::runChecks()
{
    m_preview->refresh(m_document->document()); // emits recordChanged → canvas, warnings
}

bool LabelDesignerWindow::newLabel(const QString& stockId)
{
    const label::LabelStock* stock = m_library.find(stockId);
    if (!stock) {
        QMessageBox::warning(this, tr("New label"),
                             tr("There is no label stock '%1'.").arg(stockId));
        return false;
    }
    label::LabelDocument doc;
    doc.name = stock->name;
    doc.stock = *stock;
    setDocument(doc, QString());
    return true;
}

bool LabelDesignerWindow::openFile(const QString& file, QString* error)
{
    auto doc = label::LabelDocument::load(file, m_library);
    if (!doc) {
        const QString message = doc.error().param + QStringLiteral(": ") + doc.error().message;
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Open label"),
                                 tr("%1 cannot be opened.\n%2").arg(file, message));
        return false;
    }
    setDocument(std::move(doc).value(), file);
    return true;
}

bool LabelDesignerWindow::newFromExample(const QString& name)
{
    QString error;
    if (!openFile(QStringLiteral(":/labels/") + name + QStringLiteral(".dpplabel"), &error)) {
        QMessageBox::warning(this, tr("New from example"), error);
        return false;
    }
    // An untitled copy: saving must not try to write into the resources.
    m_document->setFileName(QString());
    updateTitle();
    return true;
}

bool LabelDesignerWindow::saveTo(const QString& file, QString* error)
{
    const Status saved = m_document->document().save(file);
    if (!saved) {
        const QString message = saved.error().message;
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Save label"),
                                 tr("%1 was not saved: %2").arg(file, message));
        return false;
    }
    m_document->setFileName(file);
    m_document->undoStack()->setClean();
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(file), 3000);
    return true;
}

void LabelDesignerWindow::save()
{
    if (m_document->fileName().isEmpty())
        saveAs();
    else
        saveTo(m_document->fileName());
}

void LabelDesignerWindow::saveAs()
{
    QString f = QFileDialog::getSaveFileName(this, tr("Save label"), m_document->fileName(),
                                             tr("Labels (*.dpplabel)"));
    if (f.isEmpty())
        return;
    if (!f.endsWith(QLatin1String(".dpplabel")))
        f += QStringLiteral(".dpplabel");
    saveTo(f);
}

bool LabelDesignerWindow::maybeSave()
{
    if (!m_document || m_document->undoStack()->isClean())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Label designer"), tr("The label has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        save();
    return answer == QMessageBox::Discard || m_document->undoStack()->isClean();
}

void LabelDesignerWindow::closeEvent(QCloseEvent* event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void LabelDesignerWindow::addElementOfKind(const QString& kind)
{
    using T = LabelElement::Type;
    LabelElement e;
    e.id = m_document->nextElementId();
    const double lw = m_document->document().labelWidthMm();
    const double lh = m_document->document().labelHeightMm();
    double w = std::min(40.0, lw * 0.5), h = std::min(10.0, lh * 0.3);
    if (kind == QLatin1String("text")) {
        e.type = T::Text;
        e.text = tr("Text");
    } else if (kind == QLatin1String("qr") || kind == QLatin1String("datamatrix")) {
        e.type = kind == QLatin1String("qr") ? T::Qr : T::DataMatrix;
        e.contentKind = LabelElement::ContentKind::DigitalLink;
        // 0.5 mm modules keep a Digital Link QR above the GS1 retail minimum.
        e.moduleMm = Distance::mm(kind == QLatin1String("qr") ? 0.5 : 0.4);
        w = h = std::min({25.0, lw * 0.8, lh * 0.8});
    } else if (kind == QLatin1String("ean13") || kind == QLatin1String("upca") ||
               kind == QLatin1String("gs1-128")) {
        e.type = T::Linear;
        e.linearType = kind == QLatin1String("ean13")  ? LabelElement::LinearType::Ean13
                       : kind == QLatin1String("upca") ? LabelElement::LinearType::UpcA
                                                       : LabelElement::LinearType::Gs1_128;
        e.contentKind = LabelElement::ContentKind::Literal;
        e.content = kind == QLatin1String("gs1-128") ? QStringLiteral("{{element_string}}")
                    : kind == QLatin1String("ean13") ? QStringLiteral("{{gtin|gtin13}}")
                                                     : QStringLiteral("{{gtin}}");
        e.moduleMm = Distance::mm(0.33);
        w = std::min(38.0, lw * 0.9);
        h = std::min(20.0, lh * 0.6);
    } else if (kind == QLatin1String("image")) {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Insert image"), QString(), tr("Images (*.png *.jpg *.jpeg *.svg *.pdf)"));
        if (f.isEmpty())
            return;
        e.type = T::Image;
        e.imagePath = f;
        w = h = std::min({20.0, lw * 0.5, lh * 0.5});
    } else if (kind == QLatin1String("line")) {
        e.type = T::Line;
        h = 0;
    } else if (kind == QLatin1String("rect")) {
        e.type = T::Rect;
        h = w / 2;
    } else if (kind == QLatin1String("ellipse")) {
        e.type = T::Ellipse;
        h = w / 2;
    } else {
        return;
    }
    e.width = Distance::mm(w);
    e.height = Distance::mm(h);
    // New elements stack diagonally so two clicks do not hide one under the other.
    const double offset = 2.0 * (m_document->count() % 5);
    e.x = Distance::mm(std::max(0.0, std::min(2.0 + offset, lw - w)));
    e.y = Distance::mm(std::max(0.0, std::min(2.0 + offset, lh - h)));
    int z = 0;
    for (const LabelElement& other : m_document->elements())
        z = std::max(z, other.z + 1);
    e.z = z;
    m_document->addElements({e}, tr("Add %1").arg(LabelElement::typeName(e.type)));
    m_canvas->selectIndexes({m_document->count() - 1});
}

void LabelDesignerWindow::copy()
{
    const QList<int> selected = m_canvas->selectedIndexes();
    if (selected.isEmpty())
        return;
    QJsonArray array;
    for (int i : selected)
        array.append(m_document->element(i).toJson());
    auto* mime = new QMimeData;
    const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
    mime->setData(QString::fromLatin1(kClipboardMime), json);
    mime->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(mime);
}

void LabelDesignerWindow::paste()
{
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(QString::fromLatin1(kClipboardMime)))
        return;
    const QJsonArray array =
        QJsonDocument::fromJson(mime->data(QString::fromLatin1(kClipboardMime))).array();
    QList<LabelElement> pasted;
    LabelDesignDocument probe(m_document->document()); // for fresh ids across the batch
    for (int i = 0; i < array.size(); ++i) {
        auto e = LabelElement::fromJson(array.at(i).toObject(), QStringLiteral("$[%1]").arg(i));
        if (!e)
            continue;
        LabelElement copy = e.value();
        copy.id = QStringLiteral("e%1").arg(probe.nextElementId().mid(1).toInt() + i);
        // Offset so the copy is visibly a copy, like every drawing program.
        copy.x = copy.x + Distance::mm(2);
        copy.y = copy.y + Distance::mm(2);
        copy.locked = false;
        pasted.append(copy);
    }
    if (pasted.isEmpty())
        return;
    const int first = m_document->count();
    m_document->addElements(pasted, tr("Paste"));
    QList<int> sel;
    for (int i = 0; i < pasted.size(); ++i)
        sel.append(first + i);
    m_canvas->selectIndexes(sel);
}

void LabelDesignerWindow::deleteSelection()
{
    QList<int> indexes;
    for (int i : m_canvas->selectedIndexes()) {
        if (!m_document->element(i).locked)
            indexes.append(i);
    }
    m_document->removeElements(indexes, tr("Delete"));
}

void LabelDesignerWindow::align(int how)
{
    const QList<int> sel = m_canvas->selectedIndexes();
    QList<QRectF> rects;
    for (int i : sel)
        rects.append(m_document->element(i).rectMm());
    const auto& doc = m_document->document();
    const QList<QRectF> out =
        arrange::align(rects, arrange::Align(how), QSizeF(doc.labelWidthMm(), doc.labelHeightMm()));
    QList<int> indexes;
    QList<LabelElement> after;
    for (int k = 0; k < sel.size(); ++k) {
        LabelElement e = m_document->element(sel.at(k));
        if (e.locked)
            continue;
        e.x = Distance::mm(out.at(k).left());
        e.y = Distance::mm(out.at(k).top());
        indexes.append(sel.at(k));
        after.append(e);
    }
    m_document->changeElements(indexes, after, tr("Align"));
}

void LabelDesignerWindow::distribute(int how)
{
    const QList<int> sel = m_canvas->selectedIndexes();
    QList<QRectF> rects;
    for (int i : sel)
        rects.append(m_document->element(i).rectMm());
    const QList<QRectF> out = arrange::distribute(rects, arrange::Distribute(how));
    QList<LabelElement> after;
    for (int k = 0; k < sel.size(); ++k) {
        LabelElement e = m_document->element(sel.at(k));
        e.x = Distance::mm(out.at(k).left());
        e.y = Distance::mm(out.at(k).top());
        after.append(e);
    }
    m_document->changeElements(sel, after, tr("Distribute"));
}

void LabelDesignerWindow::reorder(bool toFront)
{
    const QList<int> sel = m_canvas->selectedIndexes();
    if (sel.isEmpty())
        return;
    int lo = 0, hi = 0;
    for (const LabelElement& e : m_document->elements()) {
        lo = std::min(lo, e.z);
        hi = std::max(hi, e.z);
    }
    QList<LabelElement> after;
    for (int k = 0; k < sel.size(); ++k) {
        LabelElement e = m_document->element(sel.at(k));
        e.z = toFront ? hi + 1 + k : lo - int(sel.size()) + k;
        after.append(e);
    }
    m_document->changeElements(sel, after, toFront ? tr("Bring to front") : tr("Send to back"));
}

void LabelDesignerWindow::toggleLock()
{
    const QList<int> sel = m_canvas->selectedIndexes();
    if (sel.isEmpty())
        return;
    const bool lock = !m_document->element(sel.first()).locked;
    QList<LabelElement> after;
    for (int i : sel) {
        LabelElement e = m_document->element(i);
        e.locked = lock;
        after.append(e);
    }
    m_document->changeElements(sel, after, lock ? tr("Lock") : tr("Unlock"));
}

void LabelDesignerWindow::rotateSelection()
{
    QList<int> indexes;
    QList<LabelElement> after;
    for (int i : m_canvas->selectedIndexes()) {
        LabelElement e = m_document->element(i);
        if (e.locked)
            continue;
        e.rotation = std::fmod(e.rotation + 90, 360);
        indexes.append(i);
        after.append(e);
    }
    m_document->changeElements(indexes, after, tr("Rotate"));
}

void LabelDesignerWindow::openPrintDialog()
{
    PrintDialog dialog(m_document->document(), m_db, m_tenantId, this);
    dialog.exec();
}

} // namespace dpp::ui
