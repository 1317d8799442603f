// The label designer on the offscreen platform, driven like a user: toolbox
// actions add a QR and a text, the merge-field picker binds {{digital_link}}
// and {{serial}}, the file saves and reopens equal; moves undo and redo;
// snapping, align/distribute, stock search and engine warnings.
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <designer/arrange.h>
#include <designer/colourbutton.h>
#include <designer/designercanvas.h>
#include <designer/elementitem.h>
#include <designer/labeldesigndocument.h>
#include <designer/labeldesignerwindow.h>
#include <designer/mergefieldpicker.h>
#include <designer/propertypanel.h>
#include <designer/snapper.h>
#include <designer/stockpickerdialog.h>
#include <designer/warningspanel.h>
#include <label/labeldocument.h>

using namespace dpp;
using namespace dpp::ui;
using label::LabelElement;

class TestDesigner : public QObject
{
    Q_OBJECT

    QAction* tool(LabelDesignerWindow& w, const QString& kind)
    {
        return w.findChild<QAction*>(QStringLiteral("tool_") + kind);
    }

    // A mouse drag on the canvas from `fromMm` through `throughMm` (label millimetres)
    // with `modifiers` held, as the view receives it. QTest::mouseMove carries no
    // modifiers, so the moves are sent as the QMouseEvents a held Shift produces.
    static void drag(DesignerCanvas* canvas, QPointF fromMm, const QList<QPointF>& throughMm,
                     Qt::KeyboardModifiers modifiers = {})
    {
        QWidget* vp = canvas->viewport();
        const QPoint from = canvas->mapFromScene(fromMm);
        QTest::mousePress(vp, Qt::LeftButton, modifiers, from);
        QPoint at = from;
        for (const QPointF& mm : throughMm) {
            at = canvas->mapFromScene(mm);
            QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(vp->mapToGlobal(at)),
                             Qt::NoButton, Qt::LeftButton, modifiers);
            QApplication::sendEvent(vp, &move);
        }
        QTest::mouseRelease(vp, Qt::LeftButton, modifiers, at);
    }

private Q_SLOTS:
    void designSaveReopen()
    {
        LabelDesignerWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        QVERIFY(tool(w, QStringLiteral("qr")));
        tool(w, QStringLiteral("qr"))->trigger();
        tool(w, QStringLiteral("text"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        QCOMPARE(doc->count(), 2);
        QCOMPARE(doc->element(0).type, LabelElement::Type::Qr);
        QCOMPARE(doc->element(1).type, LabelElement::Type::Text);
        // The new text is selected: the property panel edits it.
        QCOMPARE(w.canvas()->selectedIndexes(), QList<int>{1});
        QCOMPARE(w.propertyPanel()->currentIndex(), 1);

        // Bind {{serial}} through the picker into the text, after typed words.
        auto* text = w.propertyPanel()->findChild<QPlainTextEdit*>(QStringLiteral("propText"));
        QVERIFY(text);
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("SN "));
        QCOMPARE(doc->element(1).text, QStringLiteral("SN "));
        MergeFieldPicker* picker = w.propertyPanel()->mergeFieldPicker();
        QVERIFY(picker->fields().contains(QStringLiteral("serial")));
        QVERIFY(picker->fields().contains(QStringLiteral("digital_link")));
        // The menu entry the user clicks.
        QAction* serial = picker->findChild<QAction*>(QStringLiteral("field_serial"));
        QVERIFY(serial);
        serial->trigger();
        QCOMPARE(doc->element(1).text, QStringLiteral("SN {{serial}}"));

        // Bind {{digital_link}} into the QR's content.
        w.canvas()->selectIndexes({0});
        QCOMPARE(w.propertyPanel()->currentIndex(), 0);
        picker->findChild<QAction*>(QStringLiteral("field_digital_link"))->trigger();
        QCOMPARE(doc->element(0).content, QStringLiteral("{{digital_link}}"));
        QCOMPARE(doc->element(0).contentKind, LabelElement::ContentKind::Literal);

        // The preview record (serial SN000001) renders both without errors.
        QTRY_VERIFY(w.canvas()->itemAt(1) && w.canvas()->itemAt(1)->renderError().isEmpty());
        QVERIFY(w.canvas()->itemAt(0)->renderError().isEmpty());

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("design.dpplabel"));
        QString error;
        QVERIFY2(w.saveTo(file, &error), qPrintable(error));
        QVERIFY(!w.isWindowModified());

        auto reopened = label::LabelDocument::load(file, w.stockLibrary());
        QVERIFY2(reopened.ok(), qPrintable(reopened ? QString() : reopened.error().message));
        QCOMPARE(reopened->elements.size(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(reopened->elements.at(i).toJson(), doc->element(i).toJson());
        QCOMPARE(reopened->elements.at(0).content, QStringLiteral("{{digital_link}}"));
        QCOMPARE(reopened->elements.at(1).text, QStringLiteral("SN {{serial}}"));
        QCOMPARE(reopened->stock.id, QStringLiteral("roll-102x76"));

        // And through the designer's own Open.
        LabelDesignerWindow again;
        QVERIFY(again.openFile(file, &error));
        QCOMPARE(again.designDocument()->count(), 2);
        QCOMPARE(again.designDocument()->element(1).toJson(), doc->element(1).toJson());
    }

    void moveUndoRedo()
    {
        LabelDesignerWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_rect"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        const LabelElement before = doc->element(0);
        DesignerCanvas* canvas = w.canvas();
        canvas->setZoom(2.0);
        canvas->snapper().snapToElements = false;
        canvas->snapper().gridMm = 1.0;
        QApplication::processEvents();

        // A mouse drag of the element by 10 mm to the right and 5 mm down.
        ElementItem* item = canvas->itemAt(0);
        const QPointF centreMm = item->mapToScene(item->element().rectMm().size().width() / 2,
                                                  item->element().rectMm().size().height() / 2);
        const QPoint from = canvas->mapFromScene(centreMm);
        const QPoint to = canvas->mapFromScene(centreMm + QPointF(10, 5));
        QTest::mousePress(canvas->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas->viewport(), (from + to) / 2);
        QTest::mouseMove(canvas->viewport(), to);
        QTest::mouseRelease(canvas->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(doc->element(0).x.toMm(), before.x.toMm() + 10);
        QCOMPARE(doc->element(0).y.toMm(), before.y.toMm() + 5);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Move"));

        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).toJson(), before.toJson());
        QCOMPARE(canvas->itemAt(0)->pos(), QPointF(before.x.toMm(), before.y.toMm()));
        doc->undoStack()->redo();
        QCOMPARE(doc->element(0).x.toMm(), before.x.toMm() + 10);

        // Keyboard nudging: arrows 0.5 mm, shift ×10; a run of nudges is one step.
        canvas->selectIndexes({0});
        canvas->setFocus();
        const int steps = doc->undoStack()->count();
        QTest::keyClick(canvas, Qt::Key_Right);
        QTest::keyClick(canvas, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(doc->element(0).x.toMm(), before.x.toMm() + 10 + 5.5);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).x.toMm(), before.x.toMm() + 10);

        // A locked element does not move.
        LabelElement locked = doc->element(0);
        locked.locked = true;
        doc->changeElement(0, locked, QStringLiteral("Lock"));
        canvas->selectIndexes({0});
        QTest::keyClick(canvas, Qt::Key_Left);
        QCOMPARE(doc->element(0).x.toMm(), before.x.toMm() + 10);
    }

    void rotateHandle()
    {
        LabelDesignerWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_rect"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        DesignerCanvas* canvas = w.canvas();
        canvas->setZoom(2.0);
        QApplication::processEvents();
        canvas->selectIndexes({0});
        const QRectF box = doc->element(0).rectMm();
        const int steps = doc->undoStack()->count();
        // The handle sits 2 handle sizes above the top edge's middle. With Shift: 15° steps.
        const QPointF handle(box.center().x(), box.top() - 2 * canvas->handleSizeMm());
        drag(canvas, handle, {box.center() + QPointF(30, 0.4), box.center() + QPointF(30, 2)},
             Qt::ShiftModifier);
        QCOMPARE(doc->element(0).rotation, 90.0);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Rotate"));
        QCOMPARE(doc->undoStack()->count(), steps + 1); // the whole drag is one step
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).rotation, 0.0);
        QCOMPARE(canvas->itemAt(0)->rotation(), 0.0);
        // Without Shift the angle is free (to 0.1°).
        drag(canvas, handle, {box.center() + QPointF(30, -10)});
        QVERIFY(doc->element(0).rotation > 70 && doc->element(0).rotation < 72);

        // A QR turns in quarter turns only.
        w.findChild<QAction*>(QStringLiteral("tool_qr"))->trigger();
        const int qr = doc->count() - 1;
        LabelElement placed = doc->element(qr);
        placed.x = label::Distance::mm(60); // clear of the rectangle
        placed.y = label::Distance::mm(30);
        doc->changeElement(qr, placed, QStringLiteral("Place"));
        canvas->selectIndexes({qr});
        const QRectF qbox = doc->element(qr).rectMm();
        drag(canvas, QPointF(qbox.center().x(), qbox.top() - 2 * canvas->handleSizeMm()),
             {qbox.center() + QPointF(20, 9)});
        QCOMPARE(doc->element(qr).rotation, 90.0);
    }

    void resizeHandles()
    {
        LabelDesignerWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_rect"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        DesignerCanvas* canvas = w.canvas();
        canvas->setZoom(2.0);
        canvas->snapper().snapToElements = false;
        canvas->snapper().gridMm = 1.0;
        QApplication::processEvents();
        canvas->selectIndexes({0});
        // A known box on the grid.
        LabelElement start = doc->element(0);
        start.x = start.y = label::Distance::mm(20);
        start.width = label::Distance::mm(30);
        start.height = label::Distance::mm(20);
        doc->changeElement(0, start, QStringLiteral("Place"));
        const int steps = doc->undoStack()->count();

        // The left edge 5 mm to the left: x and width change, the right edge stays.
        drag(canvas, QPointF(20, 30), {QPointF(17, 31), QPointF(15.2, 30.5)});
        QCOMPARE(doc->element(0).x.toMm(), 15.0);
        QCOMPARE(doc->element(0).width.toMm(), 35.0);
        QCOMPARE(doc->element(0).y.toMm(), 20.0);
        QCOMPARE(doc->element(0).height.toMm(), 20.0);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Resize"));
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        // The top-left corner in by (3, 2): the bottom-right corner stays at (50, 40).
        drag(canvas, QPointF(15, 20), {QPointF(16, 21), QPointF(18, 22)});
        QCOMPARE(doc->element(0).rectMm(), QRectF(18, 22, 32, 18));
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).rectMm(), QRectF(15, 20, 35, 20));
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).toJson(), start.toJson());

        // Shift on the bottom-right corner keeps 3:2.
        drag(canvas, QPointF(50, 40), {QPointF(56, 41), QPointF(59, 41)}, Qt::ShiftModifier);
        QCOMPARE(doc->element(0).rectMm(), QRectF(20, 20, 39, 26));
        doc->undoStack()->undo();

        // Rotated a quarter turn: dragging the (now left-pointing) bottom edge keeps the
        // top edge, which is now on the right, in place.
        LabelElement turned = start;
        turned.rotation = 90;
        doc->changeElement(0, turned, QStringLiteral("Turn"));
        ElementItem* item = canvas->itemAt(0);
        const QPointF topEdge = item->mapToScene(item->handleCentre(ElementItem::Handle::Top));
        const QPointF bottom = item->mapToScene(item->handleCentre(ElementItem::Handle::Bottom));
        drag(canvas, bottom, {bottom + QPointF(-4, 0)});
        // Rotated: no grid, 0.1 mm steps (the mouse lands on whole screen pixels).
        QVERIFY2(qAbs(doc->element(0).height.toMm() - 24.0) <= 0.1 + 1e-9,
                 qPrintable(QString::number(doc->element(0).height.toMm())));
        QCOMPARE(doc->element(0).width.toMm(), 30.0);
        const QPointF topAfter = item->mapToScene(item->handleCentre(ElementItem::Handle::Top));
        QVERIFY2(
            QLineF(topEdge, topAfter).length() < 0.01,
            qPrintable(
                QStringLiteral("top edge moved by %1 mm").arg(QLineF(topEdge, topAfter).length())));

        // A QR stays square, whichever handle.
        w.findChild<QAction*>(QStringLiteral("tool_qr"))->trigger();
        const int qr = doc->count() - 1;
        LabelElement placed = doc->element(qr);
        placed.x = label::Distance::mm(60); // clear of the rectangle
        placed.y = label::Distance::mm(30);
        doc->changeElement(qr, placed, QStringLiteral("Place"));
        canvas->selectIndexes({qr});
        const QRectF q = doc->element(qr).rectMm();
        drag(canvas, QPointF(q.right(), q.center().y()), {QPointF(q.right() + 6, q.center().y())});
        QCOMPARE(doc->element(qr).width.toMm(), doc->element(qr).height.toMm());
        QVERIFY(doc->element(qr).width.toMm() > q.width() + 5);
    }

    void shapeColourThroughThePanel()
    {
        LabelDesignerWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_rect"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        QCOMPARE(doc->element(0).fill.alpha(), 0);
        PropertyPanel* panel = w.propertyPanel();
        ColourButton* fill = panel->fillButton();
        QVERIFY(fill->isVisibleTo(panel));
        QVERIFY(!panel->textColourButton()->isVisibleTo(panel));
        // The user clicks the swatch and picks red in the colour dialog.
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setCurrentColor(QColor(0xff, 0, 0));
            dialog->accept();
        });
        QTest::mouseClick(fill->swatch(), Qt::LeftButton);
        QCOMPARE(doc->element(0).fill, QColor(0xff, 0, 0));
        QCOMPARE(doc->element(0).toJson().value(QStringLiteral("fill")).toString(),
                 QStringLiteral("#ff0000"));
        QCOMPARE(fill->swatch()->text(), QStringLiteral("#ff0000"));
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Change fill"));
        // "None" for the outline.
        QTest::mouseClick(panel->strokeButton()->noneButton(), Qt::LeftButton);
        QCOMPARE(doc->element(0).toJson().value(QStringLiteral("stroke")).toString(),
                 QStringLiteral("none"));
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).stroke, QColor(Qt::black));
        doc->undoStack()->undo();
        QCOMPARE(doc->element(0).fill.alpha(), 0);
        QCOMPARE(fill->swatch()->text(), QStringLiteral("none"));
        doc->undoStack()->redo();
        QCOMPARE(doc->element(0).fill, QColor(0xff, 0, 0));
    }

    void trueScaleZoom()
    {
        LabelDesignerWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DesignerCanvas* canvas = w.canvas();
        // 100 %: 25.4 mm on the label are one logical inch on this screen.
        canvas->setZoom(1.0);
        const double px =
            canvas->mapFromScene(QPointF(25.4, 0)).x() - canvas->mapFromScene(QPointF(0, 0)).x();
        QVERIFY2(qAbs(px - canvas->logicalDpiX()) <= 1.0, qPrintable(QString::number(px)));
        canvas->setZoom(2.0);
        const double px2 =
            canvas->mapFromScene(QPointF(25.4, 0)).x() - canvas->mapFromScene(QPointF(0, 0)).x();
        QVERIFY(qAbs(px2 - 2 * canvas->logicalDpiX()) <= 1.0);
        // Ctrl+wheel zooms in.
        QWheelEvent wheel(QPointF(10, 10), canvas->mapToGlobal(QPointF(10, 10)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                          false);
        QApplication::sendEvent(canvas->viewport(), &wheel);
        QVERIFY(canvas->zoom() > 2.0);
    }

    void copyPasteDeleteZOrder()
    {
        LabelDesignerWindow w;
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_ellipse"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        w.canvas()->selectIndexes({0});
        w.copy();
        w.paste();
        QCOMPARE(doc->count(), 2);
        QVERIFY(doc->element(1).id != doc->element(0).id);
        QCOMPARE(doc->element(1).x.toMm(), doc->element(0).x.toMm() + 2);
        QCOMPARE(w.canvas()->selectedIndexes(), QList<int>{1});
        w.deleteSelection();
        QCOMPARE(doc->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->count(), 2);
    }

    void snapping()
    {
        Snapper s;
        s.gridMm = 1;
        s.thresholdMm = 1;
        // Grid only.
        QCOMPARE(s.snap(QRectF(3.4, 7.6, 10, 10), {}), QPointF(3, 8));
        // An element's right edge at 20 catches the left edge 20.4; y stays on the grid.
        QCOMPARE(s.snap(QRectF(20.4, 7.6, 10, 10), {QRectF(0, 50, 20, 5)}), QPointF(20, 8));
        // Centres align: moving centre 15.3 onto the other's centre 15.
        QCOMPARE(s.snap(QRectF(10.3, 30.2, 10, 4), {QRectF(5, 0, 20, 4)}).x(), 10.0);
        s.snapToGrid = false;
        s.snapToElements = false;
        QCOMPARE(s.snap(QRectF(3.4, 7.6, 10, 10), {}), QPointF(3.4, 7.6));
    }

    void alignAndDistribute()
    {
        using namespace arrange;
        const QList<QRectF> r = {QRectF(5, 0, 10, 10), QRectF(20, 5, 4, 4), QRectF(50, 8, 6, 6)};
        const auto left = align(r, Align::Left, QSizeF(100, 50));
        for (const QRectF& x : left)
            QCOMPARE(x.left(), 5.0);
        const auto bottom = align(r, Align::Bottom, QSizeF(100, 50));
        for (const QRectF& x : bottom)
            QCOMPARE(x.bottom(), 14.0);
        // One element aligns to the label.
        QCOMPARE(align({QRectF(5, 5, 10, 10)}, Align::HCenter, QSizeF(100, 50)).first().left(),
                 45.0);
        const auto spread = distribute(r, Distribute::Horizontal);
        // Span 5..56, widths 20: gaps (51-20)/2 = 15.5.
        QCOMPARE(spread.at(1).left(), 30.5);
        QCOMPARE(spread.at(2).left(), 50.0);
    }

    void stockSearch()
    {
        LabelDesignerWindow w;
        StockPickerDialog picker(w.stockLibrary());
        const int all = picker.visibleCount();
        QVERIFY(all > 10);
        picker.setFilter(QStringLiteral("avery"));
        QVERIFY(picker.visibleCount() > 0 && picker.visibleCount() < all);
        picker.setFilter(QStringLiteral("50x30"));
        QVERIFY(picker.visibleCount() >= 1);
        for (const label::LabelStock& s : w.stockLibrary().all()) {
            if (StockPickerDialog::matches(s, QStringLiteral("50x30")))
                QVERIFY((qAbs(s.labelWidth.toMm() - 50) <= 0.5 &&
                         qAbs(s.labelHeight.toMm() - 30) <= 0.5) ||
                        (qAbs(s.labelWidth.toMm() - 30) <= 0.5 &&
                         qAbs(s.labelHeight.toMm() - 50) <= 0.5));
        }
        picker.setFilter(QStringLiteral("no such stock at all"));
        QCOMPARE(picker.visibleCount(), 0);
        QVERIFY(picker.stockId().isEmpty());
    }

    void examplesOpen()
    {
        const QStringList names = LabelDesignerWindow::exampleNames();
        QCOMPARE(names.size(), 3);
        for (const QString& name : names) {
            LabelDesignerWindow w;
            QVERIFY(w.newFromExample(name));
            QVERIFY(w.designDocument()->count() > 0);
            QVERIFY(w.designDocument()->fileName().isEmpty()); // untitled copy
        }
    }

    void warningsFromEngine()
    {
        LabelDesignerWindow w;
        QVERIFY(w.newLabel(QStringLiteral("roll-102x76")));
        w.findChild<QAction*>(QStringLiteral("tool_qr"))->trigger();
        LabelDesignDocument* doc = w.designDocument();
        // A 0.2 mm module is below the GS1 minimum for QR; {{nosuch}} is no merge field.
        LabelElement qr = doc->element(0);
        qr.moduleMm = label::Distance::mm(0.2);
        doc->changeElement(0, qr, QStringLiteral("module"));
        w.findChild<QAction*>(QStringLiteral("tool_text"))->trigger();
        LabelElement text = doc->element(1);
        text.text = QStringLiteral("{{nosuch}}");
        doc->changeElement(1, text, QStringLiteral("text"));
        QTRY_VERIFY(w.warningsPanel()->messages().size() >= 2);
        const QString all = w.warningsPanel()->messages().join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("elements[0]")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("nosuch")), qPrintable(all));
        // Fixing both clears the list.
        doc->undoStack()->undo();
        doc->undoStack()->undo(); // the text's edit and its addition
        doc->undoStack()->undo(); // the module
        QTRY_VERIFY(w.warningsPanel()->messages().isEmpty());

        // A red fill on a roll label (a label printer, black-only): named with what prints.
        w.findChild<QAction*>(QStringLiteral("tool_rect"))->trigger();
        LabelElement rect = doc->element(doc->count() - 1);
        rect.fill = QColor(0xff, 0, 0);
        doc->changeElement(doc->count() - 1, rect, QStringLiteral("fill"));
        QTRY_VERIFY(!w.warningsPanel()->messages().isEmpty());
        QVERIFY2(w.warningsPanel()->messages().join(u'\n').contains(
                     QStringLiteral("fill: colour #ff0000 prints as black")),
                 qPrintable(w.warningsPanel()->messages().join(u'\n')));
        doc->undoStack()->undo();
        QTRY_VERIFY(w.warningsPanel()->messages().isEmpty());
    }
};

QTEST_MAIN(TestDesigner)
#include "tst_designer.moc"
