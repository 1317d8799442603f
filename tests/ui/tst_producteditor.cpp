// The product editor on the offscreen platform, driven like a user: create a
// product (a wrong GTIN check digit is refused at the field and blocks Save),
// add/undo/redo a battery material row, paste spreadsheet rows, wine energy
// warning, publish with the field diff and the history's hashes, document
// preview, and the preferences file's 0600 mode. Each test uses a real SQLite
// store in a temporary folder.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>
#include <mainwindow.h>
#include <passport/batteryunit.h>
#include <preferences/preferences.h>
#include <preferences/preferencesdialog.h>
#include <products/compositiontab.h>
#include <products/documentstab.h>
#include <products/fielddecoration.h>
#include <products/generaltab.h>
#include <products/jsontableeditor.h>
#include <products/passporttab.h>
#include <products/productbrowser.h>
#include <products/productdocument.h>
#include <products/producteditor.h>
#include <products/producttablemodel.h>
#include <products/publishdialog.h>
#include <products/recordstab.h>
#include <products/winetab.h>
#include <store/batteryunitrepository.h>
#include <store/documentrepository.h>
#include <store/passportrepository.h>
#include <store/productcatalog.h>
#include <store/productrepository.h>
#include <store/productsupplierrepository.h>
#include <store/serialrepository.h>
#include <store/supplierrepository.h>
#include <sys/stat.h>

using namespace dpp;
using namespace dpp::ui;

namespace {
QString errorOf(QWidget* w)
{
    return w->property(FieldDecoration::kErrorProperty).toString();
}

QAction* menuAction(QMainWindow& window, const QKeySequence& key)
{
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction* a : menu->menu()->actions())
                if (a->shortcuts().contains(key))
                    return a;
    return nullptr;
}

int fileMode(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}
} // namespace

class TestProductEditor : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_store = 0;

    // A fresh store (optionally with the samples) open in `window`.
    void openFresh(MainWindow& window, bool samples)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_store));
        const Status s = window.openStore(path, samples);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }
    QString productIdByGtin(MainWindow& window, const QString& gtin)
    {
        const auto p =
            store::ProductRepository(*window.database(), window.tenantId()).findByGtin(gtin);
        return p ? p->id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("DPP_STUDIO_SETTINGS", QFile::encodeName(m_dir.filePath("settings/dppstudio.ini")));
    }

    void createProductThroughTheEditor()
    {
        MainWindow window;
        openFresh(window, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ProductEditor* editor = window.openProductEditor();
        QVERIFY(editor);
        QCOMPARE(window.currentEditor(), editor);
        GeneralTab* general = editor->generalTab();

        // Nothing typed yet: Save is off and the list says what is missing.
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(editor->errorList()->count() >= 2);

        general->setName(QStringLiteral("en"), QStringLiteral("Desk lamp"));
        QLineEdit* gtin = general->gtinEdit();
        QTest::keyClicks(gtin, QStringLiteral("4006381333932")); // check digit should be 1
        QVERIFY(general->gtinFeedback()->text().contains(QStringLiteral("check digit")));
        QVERIFY(errorOf(gtin).contains(QStringLiteral("check digit")));
        QVERIFY(general->digitalLink()->text().isEmpty());
        QVERIFY(!editor->saveButton()->isEnabled());
        QCOMPARE(editor->errorList()->count(), 1);
        QVERIFY(editor->errorList()->item(0)->text().startsWith(QStringLiteral("gtin")));

        // Clicking the entry brings the field's tab forward.
        editor->tabs()->setCurrentWidget(editor->compositionTab());
        QListWidget* list = editor->errorList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(0)).center());
        QCOMPARE(editor->tabs()->currentWidget(), general);

        QTest::keyClick(gtin, Qt::Key_Backspace);
        QTest::keyClicks(gtin, QStringLiteral("1"));
        QVERIFY(errorOf(gtin).isEmpty());
        QVERIFY(general->gtinFeedback()->text().contains(QStringLiteral("04006381333931")));
        QCOMPARE(general->digitalLink()->text(),
                 QStringLiteral("https://id.gs1.org/01/04006381333931"));
        QVERIFY(editor->saveButton()->isEnabled());
        QCOMPARE(editor->errorList()->count(), 0);

        // A number field: text that is no number is refused at the field.
        auto* weight = editor->findChild<QLineEdit*>(QStringLiteral("net_weight_kg"));
        QVERIFY(weight);
        QTest::keyClicks(weight, QStringLiteral("1,2x"));
        QVERIFY(!errorOf(weight).isEmpty());
        QVERIFY(!editor->saveButton()->isEnabled());
        QTest::keyClick(weight, Qt::Key_Backspace);
        QTest::keyClick(weight, Qt::Key_Backspace);
        QTest::keyClick(weight, Qt::Key_Backspace);
        QTest::keyClicks(weight, QStringLiteral(".5"));
        QVERIFY(errorOf(weight).isEmpty());

        // Nothing is in the store before Save.
        QVERIFY(productIdByGtin(window, QStringLiteral("4006381333931")).isEmpty());
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        const auto saved = store::ProductRepository(*window.database(), window.tenantId())
                               .findByGtin(QStringLiteral("4006381333931"));
        QVERIFY(saved);
        QCOMPARE(saved->name.value(QStringLiteral("en")), QStringLiteral("Desk lamp"));
        QCOMPARE(saved->attributes.value(QStringLiteral("net_weight_kg")).toDouble(), 1.5);
        QVERIFY(!editor->document()->isModified());
        QVERIFY(!editor->document()->isNew());
        // The product list shows it.
        QCOMPARE(window.browser()->model()->totalCount(), 1);
        QCOMPARE(window.browser()->model()->index(0, ProductTableModel::Name).data().toString(),
                 QStringLiteral("Desk lamp"));
        QTRY_VERIFY(window.tabs()->tabText(window.tabs()->indexOf(editor)) ==
                    QStringLiteral("Desk lamp"));
        // The GTIN of a stored product is fixed, as in the API.
        QVERIFY(gtin->isReadOnly());
    }

    void batteryMaterialRowUndoRedo()
    {
        MainWindow window;
        openFresh(window, true);
        window.show();
        const QString id = productIdByGtin(window, QStringLiteral("08523456790018"));
        QVERIFY(!id.isEmpty());
        ProductEditor* editor = window.openProductEditor(id);
        QVERIFY(editor && editor->loadError().isEmpty());
        JsonTableEditor* materials = editor->compositionTab()->materials();
        QTableWidget* table = materials->table();
        const int before = table->rowCount();
        QCOMPARE(before, 3);

        auto* add = editor->findChild<QPushButton*>(QStringLiteral("materials:add"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), before + 1);
        table->item(before, 0)->setText(QStringLiteral("Cobalt")); // as the cell editor commits
        QCOMPARE(editor->document()->value(QStringLiteral("materials")).toArray().size(),
                 before + 1);

        QAction* undo = menuAction(window, QKeySequence(QKeySequence::Undo));
        QAction* redo = menuAction(window, QKeySequence(QKeySequence::Redo));
        QVERIFY(undo && redo);
        QVERIFY(undo->isEnabled());
        undo->trigger(); // the name
        QVERIFY(table->item(before, 0)->text().isEmpty());
        undo->trigger(); // the row
        QCOMPARE(table->rowCount(), before);
        QVERIFY(!editor->document()->isModified());
        // The store never saw the row.
        auto stored = store::ProductRepository(*window.database(), window.tenantId()).get(id);
        QCOMPARE(stored->materials.size(), before);

        redo->trigger();
        redo->trigger();
        QCOMPARE(table->rowCount(), before + 1);
        QCOMPARE(table->item(before, 0)->text(), QStringLiteral("Cobalt"));
        QVERIFY(editor->saveButton()->isEnabled());
        // File ▸ Save product (Ctrl+S) saves the current editor.
        QAction* save = menuAction(window, QKeySequence(QKeySequence::Save));
        QVERIFY(save);
        save->trigger();
        QVERIFY(!editor->document()->isModified());
        stored = store::ProductRepository(*window.database(), window.tenantId()).get(id);
        QCOMPARE(stored->materials.size(), before + 1);
        QCOMPARE(stored->materials.last().name, QStringLiteral("Cobalt"));

        // Rows pasted from a spreadsheet (with its header row) are one undo step.
        QCOMPARE(
            materials->pasteText(QStringLiteral("Name\tpercentage\nNickel\t2\r\nLithium\t1\n")), 2);
        QCOMPARE(table->rowCount(), before + 3);
        QCOMPARE(table->item(before + 2, 0)->text(), QStringLiteral("Lithium"));
        undo->trigger();
        QCOMPARE(table->rowCount(), before + 1);

        // Reorder: move the last row up.
        table->setCurrentCell(before, 0);
        materials->moveSelected(-1);
        QCOMPARE(table->item(before - 1, 0)->text(), QStringLiteral("Cobalt"));
        undo->trigger();
        QCOMPARE(table->item(before, 0)->text(), QStringLiteral("Cobalt"));
    }

    void wineEnergyWarningAndPublishDiff()
    {
        MainWindow window;
        openFresh(window, true);
        window.show();
        const QString id = productIdByGtin(window, QStringLiteral("09506000134352"));
        ProductEditor* editor = window.openProductEditor(id);
        QVERIFY(editor);
        QVERIFY(editor->tabs()->isTabEnabled(editor->tabs()->indexOf(editor->wineTab())));
        WineTab* wine = editor->wineTab();
        QVERIFY(!wine->computedEnergy()->text().isEmpty());

        // kJ and kcal agree with each other but not with the nutrients: a warning, not an error.
        auto* kj = editor->findChild<QLineEdit*>(QStringLiteral("passport.nutrition.energyKj"));
        auto* kcal = editor->findChild<QLineEdit*>(QStringLiteral("passport.nutrition.energyKcal"));
        QVERIFY(kj && kcal);
        kj->selectAll();
        QTest::keyClicks(kj, QStringLiteral("837"));
        kcal->selectAll();
        QTest::keyClicks(kcal, QStringLiteral("200"));
        QVERIFY(errorOf(kj).isEmpty());
        QVERIFY(wine->energyWarning()->text().contains(QStringLiteral("837")));
        QVERIFY(editor->saveButton()->isEnabled());
        // kJ alone changed: the validator's kJ/kcal check refuses it at the field.
        QTest::keyClick(kj, Qt::Key_Backspace);
        QVERIFY(!errorOf(kj).isEmpty());
        QVERIFY(!editor->saveButton()->isEnabled());
        // Three steps: the backspace (kcal came between, so it does not merge), kcal, kJ.
        QCOMPARE(editor->document()->undoStack()->count(), 3);
        editor->document()->undoStack()->undo();
        editor->document()->undoStack()->undo();
        editor->document()->undoStack()->undo();
        QVERIFY(!editor->document()->isModified());
        QVERIFY(wine->energyWarning()->text().isEmpty());

        auto* grape = editor->findChild<QLineEdit*>(QStringLiteral("passport.grapeVariety"));
        QVERIFY(grape);
        QTest::keyClicks(grape, QStringLiteral("Riesling"));
        auto* vintage = editor->findChild<QLineEdit*>(QStringLiteral("passport.vintage"));
        vintage->selectAll();
        QTest::keyClicks(vintage, QStringLiteral("2021"));

        // Unsaved edits cannot be published.
        {
            PublishDialog dialog(editor->document());
            QVERIFY(!dialog.publishButton()->isEnabled());
        }
        QVERIFY(editor->save());
        const auto published = editor->document()->publishedVersion();
        QVERIFY(published);
        PublishDialog dialog(editor->document());
        QVERIFY(dialog.publishButton()->isEnabled());
        QStringList paths;
        for (int r = 0; r < dialog.changes()->rowCount(); ++r)
            paths << dialog.changes()->item(r, 0)->text();
        QCOMPARE(paths, (QStringList{QStringLiteral("grapeVariety"), QStringLiteral("vintage")}));
        QCOMPARE(dialog.changes()->item(0, 3)->text(), QStringLiteral("Riesling"));
        QCOMPARE(dialog.changes()->item(1, 2)->text(),
                 QString::number(published->data.value(QStringLiteral("vintage")).toInt()));
        QCOMPARE(dialog.changes()->item(1, 3)->text(), QStringLiteral("2021"));
        QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto now = editor->document()->publishedVersion();
        QVERIFY(now && now->version > published->version);
        QCOMPARE(now->data.value(QStringLiteral("grapeVariety")).toString(),
                 QStringLiteral("Riesling"));
        // The history lists every version, newest first, with its hash.
        QTableWidget* history = editor->passportTab()->history();
        const auto versions =
            store::PassportRepository(*window.database(), window.tenantId()).versions(id);
        QCOMPARE(history->rowCount(), versions.size());
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("published"));
        QCOMPARE(history->item(0, 5)->text(), now->sha256);
        QCOMPARE(now->sha256, passport::PassportVersion::hashOf(now->data));
        // DPP_SCREENSHOT_DIR: pictures of the editor for the README (not an assertion).
        if (const QString shots = qEnvironmentVariable("DPP_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1200, 800);
            for (QWidget* tab : {static_cast<QWidget*>(editor->wineTab()),
                                 static_cast<QWidget*>(editor->generalTab())}) {
                editor->tabs()->setCurrentWidget(tab);
                window.grab().save(
                    shots + QStringLiteral("/editor-%1.png").arg(editor->tabs()->currentIndex()));
            }
            window.tabs()->setCurrentIndex(0);
            window.grab().save(shots + QStringLiteral("/products.png"));
        }
        // Nothing left to publish.
        PublishDialog again(editor->document());
        QCOMPARE(again.changes()->rowCount(), 0);
        QVERIFY(!again.publishButton()->isEnabled());
    }

    void documentWithPdfPreview()
    {
        MainWindow window;
        openFresh(window, true);
        window.show();
        const QString id = productIdByGtin(window, QStringLiteral("08523456790018"));
        ProductEditor* editor = window.openProductEditor(id);
        const QString pdfPath = m_dir.filePath(QStringLiteral("doc.pdf"));
        {
            QPdfWriter writer(pdfPath);
            QPainter p(&writer);
            p.fillRect(p.viewport(), Qt::black);
        }
        store::DocumentRepository stored(*window.database(), window.tenantId());
        DocumentsTab* docs = editor->documentsTab();
        const Status s = docs->attach(pdfPath, QStringLiteral("declaration_of_conformity"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(docs->list()->rowCount(), 1);
        QCOMPARE(docs->list()->item(0, 1)->text(), QStringLiteral("doc.pdf"));
        // Staged, not stored: shown in italics, the store has nothing yet.
        QVERIFY(docs->list()->item(0, 1)->font().italic());
        QVERIFY(stored.list(id).isEmpty());
        QVERIFY(editor->document()->isModified());
        auto previewIsBlack = [docs] {
            const QPixmap preview = docs->preview()->pixmap();
            return !preview.isNull() &&
                   qGray(preview.toImage().pixel(preview.width() / 2, preview.height() / 2)) == 0;
        };
        QVERIFY(previewIsBlack());
        // A bad document type is refused with the field named; nothing is staged.
        const Status bad = docs->attach(pdfPath, QStringLiteral("selfie"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().param, QStringLiteral("doc_type"));
        QCOMPARE(docs->list()->rowCount(), 1);

        // Undo and Redo from the Edit menu take the attachment back and bring it back.
        QAction* undo = menuAction(window, QKeySequence(QKeySequence::Undo));
        QAction* redo = menuAction(window, QKeySequence(QKeySequence::Redo));
        QVERIFY(undo && redo);
        undo->trigger();
        QCOMPARE(docs->list()->rowCount(), 0);
        QVERIFY(!editor->document()->isModified());
        redo->trigger();
        QCOMPARE(docs->list()->rowCount(), 1);
        docs->list()->selectRow(0);
        QVERIFY(previewIsBlack());

        // Save (the button, clicked) stores it with the product in one go.
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(!editor->document()->isModified());
        const auto after = stored.list(id);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().filename, QStringLiteral("doc.pdf"));
        QCOMPARE(after.first().docType, QStringLiteral("declaration_of_conformity"));
        QCOMPARE(docs->list()->rowCount(), 1);
        QVERIFY(!docs->list()->item(0, 1)->font().italic());
        // A stored record is not taken back by Undo: the history starts again at Save.
        QVERIFY(!undo->isEnabled());
        docs->list()->selectRow(0);
        QVERIFY(previewIsBlack());

        // Removing a stored document is an edit too: undoable, and done by Save.
        docs->list()->selectRow(0);
        QTest::mouseClick(docs->findChild<QPushButton*>(QStringLiteral("remove_document")),
                          Qt::LeftButton);
        QVERIFY(docs->list()->item(0, 1)->font().italic());
        QCOMPARE(stored.list(id).size(), 1);
        undo->trigger();
        QVERIFY(!docs->list()->item(0, 1)->font().italic());
        redo->trigger();
        QVERIFY(editor->save());
        QVERIFY(stored.list(id).isEmpty());
        QCOMPARE(docs->list()->rowCount(), 0);
    }

    void openFromListAndSwitchStores()
    {
        MainWindow window;
        openFresh(window, true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy changed(&window, &MainWindow::storeChanged);
        QTableView* view = window.browser()->view();
        QCOMPARE(view->model()->rowCount(), 4);
        view->setCurrentIndex(view->model()->index(2, 0));
        QTest::keyClick(view, Qt::Key_Return); // Enter opens, like a double-click
        QCOMPARE(window.tabs()->count(), 2);
        QCOMPARE(window.currentEditor()->document()->value(QStringLiteral("gtin")).toString(),
                 view->model()->index(2, 0).data().toString());
        // Opening it again shows the same tab.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(window.tabs()->count(), 2);
        // Undo follows the current tab.
        QCOMPARE(window.undoGroup()->activeStack(),
                 window.currentEditor()->document()->undoStack());
        window.tabs()->setCurrentIndex(0);
        QVERIFY(!window.undoGroup()->activeStack());

        // Another (empty) store: editors of the old one close, the list follows.
        openFresh(window, false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(window.tabs()->count(), 1);
        QCOMPARE(window.browser()->model()->totalCount(), 0);
        // A store that cannot be opened (a folder) leaves the current one in place.
        const QString current = window.database()->location();
        const Status bad = window.openStore(m_dir.path());
        QVERIFY(!bad.ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(window.database()->location(), current);
    }

    void serialBatchesAndBatteryUnits()
    {
        MainWindow window;
        openFresh(window, true);
        const QString id = productIdByGtin(window, QStringLiteral("08523456790018"));
        ProductEditor* editor = window.openProductEditor(id);
        QUndoStack* stack = editor->document()->undoStack();
        RecordsTab* records = editor->recordsTab();
        store::SerialRepository serials(*window.database(), window.tenantId());
        store::BatteryUnitRepository units(*window.database(), window.tenantId());

        // A batch is staged (italic, not in the store), undone, redone.
        QVERIFY(
            records->createSerialBatch(QStringLiteral("SB"), 1, 50, 4, QStringLiteral("L1")).ok());
        QCOMPARE(records->serialBatches()->rowCount(), 1);
        QCOMPARE(records->serialBatches()->item(0, 1)->text(), QStringLiteral("SB0001"));
        QVERIFY(records->serialBatches()->item(0, 1)->font().italic());
        QVERIFY(serials.batches(id).isEmpty());
        stack->undo();
        QCOMPARE(records->serialBatches()->rowCount(), 0);
        stack->redo();
        QCOMPARE(records->serialBatches()->rowCount(), 1);
        // Serials overlapping a staged batch are refused at once, with the field named.
        const Status overlap = records->createSerialBatch(QStringLiteral("SB"), 10, 5, 4, {});
        QVERIFY(!overlap.ok());
        QCOMPARE(overlap.error().param, QStringLiteral("start"));
        QCOMPARE(records->serialBatches()->rowCount(), 1);

        // A battery unit with an SoH reading and a lifecycle event, all staged.
        QVERIFY(records
                    ->addBatteryUnit(QStringLiteral("https://id.gs1.org/01/08523456790018/21/U1"),
                                     QStringLiteral("U1"))
                    .ok());
        QCOMPARE(records->batteryUnits()->rowCount(), 1);
        records->batteryUnits()->selectRow(0);
        const QString unitKey = records->batteryUnits()->item(0, 0)->data(Qt::UserRole).toString();
        QVERIFY(records->addReading(unitKey, 97.5).ok());
        const Status tooHigh = records->addReading(unitKey, 150); // SoH is a percentage
        QVERIFY(!tooHigh.ok());
        QCOMPARE(tooHigh.error().param, QStringLiteral("state_of_health_pct"));
        QCOMPARE(records->unitHistory()->rowCount(), 1);
        stack->undo(); // the reading
        QCOMPARE(records->unitHistory()->rowCount(), 0);
        QCOMPARE(records->batteryUnits()->rowCount(), 1);
        stack->redo();
        QCOMPARE(records->unitHistory()->rowCount(), 1);
        QVERIFY(records
                    ->addEvent(unitKey, passport::LifecycleEvent::types().first(),
                               QStringLiteral("checked"))
                    .ok());
        QCOMPARE(records->unitHistory()->rowCount(), 2);
        QCOMPARE(records->unitHistory()->item(0, 2)->text(), QStringLiteral("97.5 %"));
        QVERIFY(units.list(id).isEmpty());

        // Save writes the batch, the unit, its reading and its event.
        QVERIFY(editor->save());
        const auto batches = serials.batches(id);
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.first().serials().first(), QStringLiteral("SB0001"));
        const auto storedUnits = units.list(id);
        QCOMPARE(storedUnits.size(), 1);
        QCOMPARE(storedUnits.first().serialNumber, QStringLiteral("U1"));
        QCOMPARE(units.readings(storedUnits.first().id).size(), 1);
        QCOMPARE(units.readings(storedUnits.first().id).first().stateOfHealthPct, 97.5);
        QCOMPARE(units.events(storedUnits.first().id).size(), 1);
        QVERIFY(!records->serialBatches()->item(0, 1)->font().italic());
        // SoH history is append-only once stored: nothing left to undo.
        QVERIFY(!stack->canUndo());
        records->batteryUnits()->selectRow(0);
        QCOMPARE(records->unitHistory()->rowCount(), 2);
        QVERIFY(!records->unitHistory()->item(0, 2)->font().italic());
        // A status change (Annex XIII 4(c)) is staged, undoable, stored with its event.
        const int eventsBefore = int(units.events(storedUnits.first().id).size());
        QVERIFY(records->setUnitStatus(storedUnits.first().id, QStringLiteral("repurposed")).ok());
        QVERIFY(
            records->batteryUnits()->item(0, 2)->text().startsWith(QStringLiteral("repurposed")));
        QCOMPARE(units.get(storedUnits.first().id)->status, QStringLiteral("original"));
        stack->undo();
        QCOMPARE(records->batteryUnits()->item(0, 2)->text(), QStringLiteral("original"));
        stack->redo();
        QCOMPARE(
            records->setUnitStatus(storedUnits.first().id, QStringLiteral("broken")).error().param,
            QStringLiteral("status"));
        QVERIFY(editor->save());
        QCOMPARE(units.get(storedUnits.first().id)->status, QStringLiteral("repurposed"));
        QCOMPARE(int(units.events(storedUnits.first().id).size()), eventsBefore + 1);
        QCOMPARE(records->batteryUnits()->item(0, 2)->text(), QStringLiteral("repurposed"));
        records->batteryUnits()->selectRow(0);

        // A new reading of the stored unit is staged after the stored history.
        QVERIFY(records->addReading(storedUnits.first().id, 96).ok());
        QCOMPARE(records->unitHistory()->rowCount(), 4);
        QVERIFY(records->unitHistory()->item(3, 2)->font().italic());
        stack->undo();
        QCOMPARE(records->unitHistory()->rowCount(), 3);
    }

    void failedSaveLeavesStoreUnchanged()
    {
        MainWindow window;
        openFresh(window, true);
        const QString id = productIdByGtin(window, QStringLiteral("08523456790018"));
        store::SerialRepository serials(*window.database(), window.tenantId());
        passport::SerialBatch existing;
        existing.productId = id;
        existing.prefix = QStringLiteral("SB");
        existing.count = 20;
        existing.width = 4;
        QVERIFY(serials.createBatch(existing).ok());
        const QJsonValue nameBefore =
            store::ProductRepository(*window.database(), window.tenantId())
                .get(id)
                ->toJson()
                .value(QStringLiteral("name"));

        ProductEditor* editor = window.openProductEditor(id);
        const QString pdfPath = m_dir.filePath(QStringLiteral("manual.pdf"));
        {
            QPdfWriter writer(pdfPath);
            QPainter p(&writer);
            p.drawText(100, 100, QStringLiteral("manual"));
        }
        QVERIFY(editor->documentsTab()->attach(pdfPath, QStringLiteral("user_manual")).ok());
        RecordsTab* records = editor->recordsTab();
        QVERIFY(records->addBatteryUnit(QStringLiteral("U-FAIL"), QStringLiteral("UF1")).ok());
        // Clashes with the stored SB0001..SB0020: only the store knows, so Save refuses.
        QVERIFY(records->createSerialBatch(QStringLiteral("SB"), 15, 10, 4, {}).ok());
        editor->generalTab()->setName(QStringLiteral("en"), QStringLiteral("Renamed"));

        QVERIFY(!editor->save());
        auto* message = editor->findChild<QLabel*>(QStringLiteral("save_message"));
        QVERIFY(message->text().contains(QStringLiteral("serial_batches[0]")));
        QVERIFY(editor->document()->isModified());
        // Nothing of it reached the store: product, document, unit, batch.
        QCOMPARE(store::ProductRepository(*window.database(), window.tenantId())
                     .get(id)
                     ->toJson()
                     .value(QStringLiteral("name")),
                 nameBefore);
        QVERIFY(
            store::DocumentRepository(*window.database(), window.tenantId()).list(id).isEmpty());
        QVERIFY(
            store::BatteryUnitRepository(*window.database(), window.tenantId()).list(id).isEmpty());
        QCOMPARE(serials.batches(id).size(), 1);
        // Still staged: the user fixes the batch (undo it) and saves again.
        QCOMPARE(records->serialBatches()->rowCount(), 2);
        records->serialBatches()->selectRow(1);
        QTest::mouseClick(records->findChild<QPushButton*>(QStringLiteral("remove_serial_batch")),
                          Qt::LeftButton);
        QCOMPARE(records->serialBatches()->rowCount(), 1);
        QVERIFY(editor->save());
        QCOMPARE(store::DocumentRepository(*window.database(), window.tenantId()).list(id).size(),
                 1);
        QCOMPARE(
            store::BatteryUnitRepository(*window.database(), window.tenantId()).list(id).size(), 1);
    }

    void linkAndUnlinkSupplier()
    {
        MainWindow window;
        openFresh(window, true);
        store::SupplierRepository suppliers(*window.database(), window.tenantId());
        auto supplier = suppliers.create(QJsonObject{{"name", "Cell Works"},
                                                     {"role", "component"},
                                                     {"country", "SK"},
                                                     {"gln", "9520123456788"}});
        QVERIFY2(supplier.ok(), qPrintable(supplier.ok() ? QString() : supplier.error().message));
        const QString id = productIdByGtin(window, QStringLiteral("08523456790018"));
        ProductEditor* editor = window.openProductEditor(id);
        RecordsTab* records = editor->recordsTab();
        store::ProductSupplierRepository links(*window.database(), window.tenantId());
        const int before = int(links.ofProduct(id).size());

        QUndoStack* stack = editor->document()->undoStack();
        // Linking is staged (italic, not stored), undoable, and stored by Save.
        QVERIFY(records->linkSupplier(supplier->id, QStringLiteral("cells")).ok());
        QCOMPARE(int(links.ofProduct(id).size()), before);
        QCOMPARE(records->suppliers()->rowCount(), before + 1);
        QVERIFY(records->suppliers()->item(before, 0)->font().italic());
        stack->undo();
        QCOMPARE(records->suppliers()->rowCount(), before);
        stack->redo();
        // A second link of the same supplier and a malformed role are refused at once.
        const Status dup = records->linkSupplier(supplier->id, QStringLiteral("materials"));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().param, QStringLiteral("supplierId"));
        const Status badRole = records->linkSupplier(supplier->id, QStringLiteral("Bad Role!"));
        QVERIFY(!badRole.ok());
        QCOMPARE(badRole.error().param, QStringLiteral("role"));
        QVERIFY(editor->save());
        const auto stored = links.ofProduct(id);
        QCOMPARE(int(stored.size()), before + 1);
        QCOMPARE(stored.last().supplierId, supplier->id);
        QCOMPARE(stored.last().role, QStringLiteral("cells"));
        QCOMPARE(records->suppliers()->rowCount(), before + 1);
        QCOMPARE(records->suppliers()->item(before, 0)->text(), QStringLiteral("Cell Works"));
        QCOMPARE(records->suppliers()->item(before, 1)->text(), QStringLiteral("cells"));
        QVERIFY(!records->suppliers()->item(before, 0)->font().italic());
        // Stored now: linking it again is refused.
        QCOMPARE(records->linkSupplier(supplier->id, QStringLiteral("materials")).error().param,
                 QStringLiteral("supplierId"));

        // Unlinking: staged, then stored by Save; a second unlink has nothing to remove.
        QVERIFY(records->unlinkSupplier(supplier->id).ok());
        QCOMPARE(int(links.ofProduct(id).size()), before + 1);
        QVERIFY(!records->unlinkSupplier(supplier->id).ok());
        QVERIFY(editor->save());
        QCOMPARE(int(links.ofProduct(id).size()), before);
        QCOMPARE(records->suppliers()->rowCount(), before);
        QVERIFY(!records->unlinkSupplier(supplier->id).ok()); // no such link any more
    }

    void preferencesFileIsOwnerOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("prefs/own.ini"));
        Preferences p;
        p.language = QStringLiteral("de");
        p.resolverBase = QStringLiteral("https://id.example.com");
        p.serverUrl = QStringLiteral("https://dpp.example.com");
        p.apiKey = QStringLiteral("sk_live_secret");
        p.printers = {
            {QStringLiteral("Zebra"), QStringLiteral("10.0.0.5:9100"), QJsonObject{{"dpi", 300}}}};
        p.addRecentStore(QStringLiteral("/a.sqlite"));
        p.addRecentStore(QStringLiteral("/b.sqlite"));
        p.addRecentStore(QStringLiteral("/a.sqlite"));
        QCOMPARE(p.recentStores, (QStringList{"/a.sqlite", "/b.sqlite"}));
        QVERIFY(p.save(path).ok());
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(Preferences::load(path), p);
        // Still owner-only after a rewrite of a file someone loosened.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QVERIFY(p.save(path).ok());
        QCOMPARE(fileMode(path), 0600);

        // The dialog refuses a resolver that is no URL, naming the field.
        PreferencesDialog dialog(p);
        dialog.resolverEdit()->setText(QStringLiteral("id.example.com"));
        auto* ok = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(ok);
        QVERIFY(!ok->button(QDialogButtonBox::Ok)->isEnabled());
        dialog.resolverEdit()->setText(QStringLiteral("https://resolver.example.com"));
        QVERIFY(ok->button(QDialogButtonBox::Ok)->isEnabled());
        QCOMPARE(dialog.preferences().resolverBase, QStringLiteral("https://resolver.example.com"));
        QCOMPARE(dialog.preferences().printers, p.printers);

        // The main window records opened stores in its settings file, 0600 too.
        MainWindow window;
        openFresh(window, false);
        const QString settings = Preferences::defaultFilePath();
        QCOMPARE(fileMode(settings), 0600);
        QVERIFY(Preferences::load(settings).recentStores.first().endsWith(
            QStringLiteral("store%1.sqlite").arg(m_store)));
        QVERIFY(window.storeStatusLabel()->text().contains(QStringLiteral(".sqlite")));
        QCOMPARE(MainWindow::displayLocation(QStringLiteral("postgresql://u:secret@h:5432/db")),
                 QStringLiteral("postgresql://u:***@h:5432/db"));
    }
};

QTEST_MAIN(TestProductEditor)
#include "tst_producteditor.moc"
