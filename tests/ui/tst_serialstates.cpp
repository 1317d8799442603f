// Serial states from the product editor, offscreen, on a real SQLite store: the
// Records tab counts a batch's serials per state, "Serials…" opens the batch's
// serials, "Set state" offers only what the life-cycle rule allows for every
// selected serial, each change is one undo step staged in the document, and Save
// stores it in one transaction with one journal row. A 100,000-serial batch opens
// in the model-backed view and a select-all offers the right states.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFont>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <mainwindow.h>
#include <products/productdocument.h>
#include <products/producteditor.h>
#include <products/recordstab.h>
#include <products/serialstatemodel.h>
#include <products/serialstatesdialog.h>
#include <store/changejournal.h>
#include <store/productrepository.h>
#include <store/serialrepository.h>

using namespace dpp;
using namespace dpp::ui;

class TestSerialStates : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_store = 0;

    void openFresh(MainWindow& window)
    {
        const QString path = m_dir.filePath(QStringLiteral("store%1.sqlite").arg(++m_store));
        const Status s = window.openStore(path, true);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }
    static QString productId(MainWindow& window)
    {
        const auto p = store::ProductRepository(*window.database(), window.tenantId())
                           .findByGtin(QStringLiteral("08523456790018"));
        return p ? p->id : QString();
    }
    // A stored sequential batch SN0001.. of the product, made through core.
    static QString storedBatch(MainWindow& window, const QString& product, int count, int width)
    {
        passport::SerialBatch b;
        b.productId = product;
        b.prefix = QStringLiteral("SN");
        b.count = count;
        b.width = width;
        b.lot = QStringLiteral("L7");
        const auto created =
            store::SerialRepository(*window.database(), window.tenantId()).createBatch(b);
        return created.ok() ? created->id : QString();
    }
    static void selectRows(SerialStatesDialog* dialog, QList<int> rows)
    {
        QItemSelection selection;
        for (int r : rows)
            selection.select(dialog->model()->index(r, 0), dialog->model()->index(r, 1));
        dialog->view()->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }
    static QStringList menuStates(SerialStatesDialog* dialog)
    {
        QStringList out;
        for (QAction* a : dialog->setStateButton()->menu()->actions())
            out << a->data().toString();
        return out;
    }
    static QList<store::ChangeEntry> serialRows(store::Database& db, qint64 after)
    {
        QList<store::ChangeEntry> out;
        const auto entries = store::ChangeJournal(db).after(after, 1000);
        for (const auto& e : entries.value())
            if (e.entity == QLatin1String(store::ChangeJournal::Serial))
                out.append(e);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("DPP_STUDIO_SETTINGS", QFile::encodeName(m_dir.filePath("settings/dppstudio.ini")));
    }

    void setStatesUndoRedoSave()
    {
        MainWindow window;
        openFresh(window);
        const QString id = productId(window);
        QVERIFY(!id.isEmpty());
        const QString batchId = storedBatch(window, id, 10, 4);
        QVERIFY(!batchId.isEmpty());
        store::SerialRepository serials(*window.database(), window.tenantId());
        // SN0002..SN0004 printed, as a print job leaves them.
        const QStringList three{"SN0002", "SN0003", "SN0004"};
        QVERIFY(serials.setStates(batchId, three, "assigned", "available").ok());
        QVERIFY(serials.setStates(batchId, three, "printed", "assigned").ok());

        ProductEditor* editor = window.openProductEditor(id);
        QUndoStack* stack = editor->document()->undoStack();
        RecordsTab* records = editor->recordsTab();
        QTableWidget* batches = records->serialBatches();
        QCOMPARE(batches->rowCount(), 1);
        QCOMPARE(batches->item(0, 4)->text(), QStringLiteral("7 available · 3 printed"));

        // "Serials…" on the selected batch opens its serials.
        batches->selectRow(0);
        QTest::mouseClick(records->findChild<QPushButton*>(QStringLiteral("serial_states")),
                          Qt::LeftButton);
        auto* dialog = records->findChild<SerialStatesDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        SerialStateModel* model = dialog->model();
        QCOMPARE(model->rowCount(), 10);
        QCOMPARE(model->serialAt(1), QStringLiteral("SN0002"));
        QCOMPARE(model->stateAt(1), QStringLiteral("printed"));
        QVERIFY(!dialog->setStateButton()->isEnabled()); // nothing selected

        // Three printed serials: the next step or decommissioning, nothing else.
        selectRows(dialog, {1, 2, 3});
        QCOMPARE(dialog->selectedSerials(), three);
        QCOMPARE(dialog->offeredStates(), (QStringList{"activated", "decommissioned"}));
        QCOMPARE(menuStates(dialog), (QStringList{"activated", "decommissioned"}));
        // With an available one in the selection only decommissioning fits all.
        selectRows(dialog, {0, 1});
        QCOMPARE(menuStates(dialog), (QStringList{"decommissioned"}));

        selectRows(dialog, {1, 2, 3});
        QAction* activate = nullptr;
        for (QAction* a : dialog->setStateButton()->menu()->actions())
            if (a->data().toString() == QLatin1String("activated"))
                activate = a;
        QVERIFY(activate);
        const int steps = stack->count();
        activate->trigger();
        QCOMPARE(stack->count(), steps + 1);
        QVERIFY(editor->document()->isModified());
        QCOMPARE(model->stateAt(1), QStringLiteral("activated"));
        QVERIFY(model->isStaged(1));
        QVERIFY(model->data(model->index(1, 1), Qt::FontRole).value<QFont>().italic());
        QVERIFY(!model->isStaged(0));
        QCOMPARE(*serials.state(id, "SN0002"), QStringLiteral("printed")); // not stored yet
        QCOMPARE(batches->item(0, 4)->text(), QStringLiteral("7 available · 3 activated"));
        QVERIFY(batches->item(0, 4)->font().italic());
        // The selection stays, and now only decommissioning is offered.
        QCOMPARE(dialog->selectedSerials(), three);
        QCOMPARE(menuStates(dialog), (QStringList{"decommissioned"}));
        // The rule is core's: a step it refuses is refused, naming the field.
        const Status back = dialog->setSelectedState(QStringLiteral("available"));
        QVERIFY(!back.ok());
        QCOMPARE(back.error().param, QStringLiteral("serial_states[1].state"));
        QVERIFY2(back.error().message.contains(QStringLiteral("allowed next: decommissioned")),
                 qPrintable(back.error().message));
        QCOMPARE(stack->count(), steps + 1);

        stack->undo();
        QCOMPARE(model->stateAt(1), QStringLiteral("printed"));
        QVERIFY(!model->isStaged(1));
        QCOMPARE(batches->item(0, 4)->text(), QStringLiteral("7 available · 3 printed"));
        QCOMPARE(menuStates(dialog), (QStringList{"activated", "decommissioned"}));
        stack->redo();
        QCOMPARE(model->stateAt(3), QStringLiteral("activated"));

        // The filter shows the serials in one state (the state after Save).
        dialog->stateFilter()->setCurrentIndex(dialog->stateFilter()->findData("activated"));
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->serialAt(0), QStringLiteral("SN0002"));
        dialog->stateFilter()->setCurrentIndex(0);
        QCOMPARE(model->rowCount(), 10);

        // Save: stored in one transaction, one journal row for the three serials.
        const qint64 before = store::ChangeJournal(*window.database()).lastSeq();
        QVERIFY(editor->save());
        for (const QString& s : three)
            QCOMPARE(*serials.state(id, s), QStringLiteral("activated"));
        QCOMPARE(*serials.state(id, "SN0001"), QStringLiteral("available"));
        const auto rows = serialRows(*window.database(), before);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().op, QStringLiteral("state_changed"));
        QCOMPARE(rows.first().data.value("serials").toArray().size(), 3);
        QCOMPARE(rows.first().data.value("from").toString(), QStringLiteral("printed"));
        QCOMPARE(rows.first().data.value("to").toString(), QStringLiteral("activated"));
        // Stored now: plain text again, nothing left to undo.
        QVERIFY(!stack->canUndo());
        QCOMPARE(model->stateAt(1), QStringLiteral("activated"));
        QVERIFY(!model->isStaged(1));
        QCOMPARE(batches->item(0, 4)->text(), QStringLiteral("7 available · 3 activated"));
        QVERIFY(!batches->item(0, 4)->font().italic());
        QVERIFY(dialog->countsLabel()->text().contains(QStringLiteral("3 activated")));

        // Asking again brings the open window forward rather than a second one; once it
        // is closed, a double-click on the batch opens it anew.
        QCOMPARE(records->showSerials(batchId), dialog);
        dialog->close(); // deletes it (Qt::WA_DeleteOnClose)
        QTRY_VERIFY(!records->findChild<SerialStatesDialog*>());
        // On screen, Records tab in front, as the operator sees it.
        window.show();
        QWidget* child = records;
        for (QWidget* p = records->parentWidget(); p; child = p, p = p->parentWidget())
            if (auto* pages = qobject_cast<QStackedWidget*>(p))
                pages->setCurrentWidget(child);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(batches->isVisible());
        const QPoint cell = batches->visualItemRect(batches->item(0, 0)).center();
        // The view opens on a double-click of the row it saw pressed, as a real one is.
        QTest::mousePress(batches->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseRelease(batches->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(batches->viewport(), Qt::LeftButton, {}, cell);
        dialog = records->findChild<SerialStatesDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->stateAt(1), QStringLiteral("activated"));
        // A batch that is only staged has no stored serials to move yet.
        QVERIFY(records->createSerialBatch(QStringLiteral("NEW"), 1, 5, 4, {}).ok());
        const QString key = batches->item(1, 0)->data(Qt::UserRole).toString();
        QCOMPARE(batches->item(1, 4)->text(), QStringLiteral("5 available"));
        QVERIFY(!records->showSerials(key));
    }

    void failedSaveKeepsStatesStaged()
    {
        MainWindow window;
        openFresh(window);
        const QString id = productId(window);
        const QString batchId = storedBatch(window, id, 5, 4);
        ProductEditor* editor = window.openProductEditor(id);
        SerialStatesDialog* dialog = editor->recordsTab()->showSerials(batchId);
        QVERIFY(dialog);
        selectRows(dialog, {0, 1});
        QCOMPARE(menuStates(dialog), (QStringList{"assigned", "decommissioned"}));
        QVERIFY(dialog->setSelectedState(QStringLiteral("assigned")).ok());
        // Another writer (a print job, the API) moves SN0002 meanwhile.
        store::SerialRepository serials(*window.database(), window.tenantId());
        QVERIFY(serials.setState(id, "SN0002", "decommissioned").ok());
        const qint64 before = store::ChangeJournal(*window.database()).lastSeq();
        QVERIFY(!editor->save());
        auto* message = editor->findChild<QLabel*>(QStringLiteral("save_message"));
        QVERIFY2(message->text().contains(QStringLiteral("serial_states[0].serials[1]")),
                 qPrintable(message->text()));
        QCOMPARE(*serials.state(id, "SN0001"), QStringLiteral("available"));
        QCOMPARE(store::ChangeJournal(*window.database()).lastSeq(), before);
        QVERIFY(editor->document()->isModified());
        QVERIFY(dialog->model()->isStaged(0));
        // Removing the batch drops its staged states in the same step; Undo restores both.
        editor->recordsTab()->removeSerialBatch(batchId);
        QVERIFY(editor->document()->staged().serialStates.isEmpty());
        editor->document()->undoStack()->undo();
        QCOMPARE(editor->document()->staged().serialStates.size(), 1);
        QVERIFY(editor->document()->staged().removedBatches.isEmpty());
        // The user takes the step back and saves the rest.
        editor->document()->undoStack()->undo();
        QVERIFY(editor->save());
        QCOMPARE(*serials.state(id, "SN0001"), QStringLiteral("available"));
    }

    void largeBatchOpensInTheModelView()
    {
        MainWindow window;
        openFresh(window);
        const QString id = productId(window);
        const QString batchId = storedBatch(window, id, 100000, 6);
        QVERIFY(!batchId.isEmpty());
        ProductEditor* editor = window.openProductEditor(id);
        QCOMPARE(editor->recordsTab()->serialBatches()->item(0, 4)->text(),
                 QStringLiteral("100000 available"));
        SerialStatesDialog* dialog = editor->recordsTab()->showSerials(batchId);
        QVERIFY(dialog);
        QCOMPARE(dialog->model()->rowCount(), 100000);
        QCOMPARE(dialog->model()->serialAt(99999), QStringLiteral("SN100000"));
        dialog->view()->selectAll();
        QCOMPARE(dialog->offeredStates(), (QStringList{"assigned", "decommissioned"}));
        QCOMPARE(dialog->selectedSerials().size(), 100000);
        QVERIFY(dialog->setSelectedState(QStringLiteral("assigned")).ok());
        QCOMPARE(dialog->model()->stateAt(50000), QStringLiteral("assigned"));
        QVERIFY(editor->save());
        QCOMPARE(store::SerialRepository(*window.database(), window.tenantId())
                     .countByState(batchId)
                     .value(QStringLiteral("assigned")),
                 100000);
    }
};

QTEST_MAIN(TestSerialStates)
#include "tst_serialstates.moc"
