// The actor network view on the hand-built analysis project
// (AnalysisFixture.h: Kim Jong Un supports Russia and Putin and opposes
// South Korea): actors and edges in the scene with their colours and
// widths, the claim and co-mention toggles, highlighting, dragging,
// zooming, a double-click listing an actor's segments, exports, the
// palette and following the store's changes.
#include "../core/AnalysisFixture.h"
#include "analysis/CodedSegmentsPanel.h"
#include "analysis/NetworkEdgeItem.h"
#include "analysis/NetworkNodeItem.h"
#include "analysis/NetworkPanel.h"
#include "analysis/NetworkView.h"
#include "base/EnglishPlurals.h"
#include "reader/ReaderView.h"
#include "shell/MainWindow.h"
#include "store/ProjectSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Type = ActorNetwork::Edge::Type;
using State = NetworkEdgeItem::State;

class TestUiNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void shortcutShowsTheDock();
    void drawsActorsAndEdges();
    void togglesHideEdges();
    void selectingAnActorPicksOutItsEdges();
    void hoveringAnActorPicksOutItsEdges();
    void draggingAnActorTakesItsEdges();
    void zoomsWithKeysAndWheel();
    void doubleClickListsTheActorsSegments();
    void enterListsTheSelectedActorsSegments();
    void exportsDotGraphMlAndPictures();
    void dotLayoutPutsSpeakersAbove();
    void followsThePalette();
    void followsTheStore();
    void projectWithoutActors();

private:
    NetworkPanel *showPanel();
    NetworkEdgeItem *edge(Type type, const QString &from, const QString &to) const;
    NetworkNodeItem *node(const QString &name) const;
    QPoint viewPoint(const NetworkNodeItem *node) const;
    NetworkPanel *panel() const { return m_window->networkPanel(); }

    EnglishPlurals m_plurals;
    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiNetwork::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::installTranslator(&m_plurals); // "1 actor", as in the app
    m_project = m_dir.filePath(QStringLiteral("analysis.framewise"));
    AnalysisFixture::build(m_project);
}

void TestUiNetwork::init()
{
    m_window = std::make_unique<MainWindow>(ProjectSession::open(m_project),
                                            MainWindow::Options {false});
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiNetwork::cleanup()
{
    m_window.reset();
}

NetworkPanel *TestUiNetwork::showPanel()
{
    m_window->networkDock()->show();
    QCoreApplication::processEvents();
    return panel();
}

NetworkNodeItem *TestUiNetwork::node(const QString &name) const
{
    for (NetworkNodeItem *n : panel()->nodeItems()) {
        if (n->actor().name == name)
            return n;
    }
    return nullptr;
}

NetworkEdgeItem *TestUiNetwork::edge(Type type, const QString &from, const QString &to) const
{
    for (NetworkEdgeItem *e : panel()->edgeItems()) {
        if (e->edge().type == type && e->from()->actor().name == from
            && e->to()->actor().name == to)
            return e;
    }
    return nullptr;
}

QPoint TestUiNetwork::viewPoint(const NetworkNodeItem *n) const
{
    return panel()->view()->mapFromScene(n->scenePos());
}

void TestUiNetwork::shortcutShowsTheDock()
{
    QVERIFY(!m_window->networkDock()->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(m_window->networkDock()->isVisible());
    QCOMPARE(m_window->networkDock()->windowTitle(), QStringLiteral("Actor Network"));
    QCOMPARE(m_window->networkDock()->widget(), panel());
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(!m_window->networkDock()->isVisible());
}

void TestUiNetwork::drawsActorsAndEdges()
{
    NetworkPanel *p = showPanel();
    QCOMPARE(p->nodeItems().size(), 4);
    QCOMPARE(p->edgeItems().size(), 7);
    int nodes = 0, edges = 0;
    for (QGraphicsItem *item : p->scene()->items()) {
        nodes += dynamic_cast<NetworkNodeItem *>(item) != nullptr;
        edges += dynamic_cast<NetworkEdgeItem *>(item) != nullptr;
    }
    QCOMPARE(nodes, 4);
    QCOMPARE(edges, 7);
    QCOMPARE(p->statusLabel()->text(),
             QStringLiteral("4 actors, 3 claim edges, 4 co-mention edges · drag actors to move "
                            "them, double-click one for its segments"));

    // Claims by stance, in NetworkWriter's colours; co-mention grey.
    NetworkEdgeItem *russia = edge(Type::Claim, "Kim Jong Un", "Russia");
    NetworkEdgeItem *southKorea = edge(Type::Claim, "Kim Jong Un", "South Korea");
    NetworkEdgeItem *putin = edge(Type::Claim, "Kim Jong Un", "Putin");
    QVERIFY(russia && southKorea && putin);
    QCOMPARE(russia->colour(), QColor("#2e9d5b"));
    QCOMPARE(putin->colour(), QColor("#2e9d5b"));
    QCOMPARE(southKorea->colour(), QColor("#d0312d"));
    NetworkEdgeItem *together = edge(Type::CoMention, "Russia", "South Korea");
    QVERIFY(together);
    QCOMPARE(together->colour(), QColor("#b0b0b0"));
    QVERIFY(together->width() < russia->width()); // thin
    QVERIFY(together->zValue() < russia->zValue());
    QVERIFY(edge(Type::CoMention, "Kim Jong Un", "Putin"));
    QVERIFY(edge(Type::CoMention, "Kim Jong Un", "Russia"));
    QVERIFY(edge(Type::CoMention, "Kim Jong Un", "South Korea"));

    // Every edge runs from its speaker's outline to its target's, on
    // Graphviz's route.
    for (NetworkEdgeItem *e : p->edgeItems()) {
        QVERIFY(e->followsRoute());
        QVERIFY(e->line().size() >= 2);
        QVERIFY(std::abs(e->from()->ellipseValue(e->line().first()) - 1) < 0.1);
        QVERIFY(std::abs(e->to()->ellipseValue(e->line().last()) - 1) < 0.1);
    }
    // Kim Jong Un (4 mentions) is drawn larger than Russia (none): a larger
    // name in a taller ellipse.
    QVERIFY(node("Kim Jong Un")->font().pointSizeF() > node("Russia")->font().pointSizeF());
    QVERIFY(node("Kim Jong Un")->size().height() > node("Russia")->size().height());
    // Laid out apart, all in view.
    const QRect viewport = p->view()->viewport()->rect();
    for (NetworkNodeItem *a : p->nodeItems()) {
        QVERIFY(viewport.contains(viewPoint(a)));
        for (NetworkNodeItem *b : p->nodeItems())
            QVERIFY(a == b || QLineF(a->scenePos(), b->scenePos()).length() > 20);
    }
    QVERIFY(p->exportButton()->isEnabled());
}

void TestUiNetwork::togglesHideEdges()
{
    NetworkPanel *p = showPanel();
    p->claimsBox()->setChecked(false);
    for (NetworkEdgeItem *e : p->edgeItems())
        QCOMPARE(e->isVisible(), !e->isClaim());
    QCOMPARE(p->shownNetwork().edges.size(), 4);
    p->claimsBox()->setChecked(true);
    p->coMentionBox()->setChecked(false);
    for (NetworkEdgeItem *e : p->edgeItems())
        QCOMPARE(e->isVisible(), e->isClaim());
    QCOMPARE(p->shownNetwork().edges.size(), 3);
    QCOMPARE(p->shownNetwork().nodes.size(), 4);
}

void TestUiNetwork::selectingAnActorPicksOutItsEdges()
{
    NetworkPanel *p = showPanel();
    node("Putin")->setSelected(true);
    for (NetworkEdgeItem *e : p->edgeItems()) {
        const bool putins = e->from()->actor().name == QLatin1String("Putin")
            || e->to()->actor().name == QLatin1String("Putin");
        QCOMPARE(e->state(), putins ? State::Highlighted : State::Dimmed);
    }
    QCOMPARE(node("Kim Jong Un")->opacity(), 1.0); // a neighbour
    QVERIFY(node("Russia")->opacity() < 1.0);
    p->scene()->clearSelection();
    for (NetworkEdgeItem *e : p->edgeItems())
        QCOMPARE(e->state(), State::Normal);
    QCOMPARE(node("Russia")->opacity(), 1.0);
}

void TestUiNetwork::hoveringAnActorPicksOutItsEdges()
{
    NetworkPanel *p = showPanel();
    QTest::mouseMove(p->view()->viewport(), viewPoint(node("South Korea")));
    QTRY_VERIFY(node("South Korea")->isHovered());
    QCOMPARE(edge(Type::Claim, "Kim Jong Un", "South Korea")->state(), State::Highlighted);
    QCOMPARE(edge(Type::CoMention, "Russia", "South Korea")->state(), State::Highlighted);
    QCOMPARE(edge(Type::Claim, "Kim Jong Un", "Putin")->state(), State::Dimmed);
    QTest::mouseMove(p->view()->viewport(), QPoint(2, 2));
    QTRY_VERIFY(!node("South Korea")->isHovered());
    QCOMPARE(edge(Type::Claim, "Kim Jong Un", "Putin")->state(), State::Normal);
}

void TestUiNetwork::draggingAnActorTakesItsEdges()
{
    NetworkPanel *p = showPanel();
    NetworkNodeItem *russia = node("Russia");
    const QPointF before = russia->scenePos();
    QWidget *viewport = p->view()->viewport();
    const QPoint from = viewPoint(russia);
    const QPoint to = from + QPoint(60, 40);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 6; ++step)
        QTest::mouseMove(viewport, from + (to - from) * step / 6);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
    QVERIFY2(QLineF(russia->scenePos(), before).length() > 20, "the actor did not move");
    // Its edges left Graphviz's routes and still end on the outlines.
    for (NetworkEdgeItem *e : p->edgeItems()) {
        const bool moved = e->from() == russia || e->to() == russia;
        QCOMPARE(e->followsRoute(), !moved);
        QVERIFY(std::abs(e->from()->ellipseValue(e->line().first()) - 1) < 0.05);
        QVERIFY(std::abs(e->to()->ellipseValue(e->line().last()) - 1) < 0.05);
    }
}

void TestUiNetwork::zoomsWithKeysAndWheel()
{
    NetworkPanel *p = showPanel();
    NetworkView *view = p->view();
    view->setFocus();
    const double fitted = view->zoom();
    const double readerZoom = m_window->reader()->document()->defaultFont().pointSizeF();
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(std::abs(view->zoom() - fitted * 1.25) < 1e-6);
    // The reader kept its size: the keys were the view's.
    QCOMPARE(m_window->reader()->document()->defaultFont().pointSizeF(), readerZoom);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(std::abs(view->zoom() - fitted / 1.25) < 1e-6);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(std::abs(view->zoom() - fitted) < 1e-6);
    QWheelEvent wheel(QPointF(50, 50), view->mapToGlobal(QPointF(50, 50)), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(std::abs(view->zoom() - fitted * 1.2) < 1e-6);
    for (int i = 0; i < 60; ++i)
        view->zoomBy(2);
    QCOMPARE(view->zoom(), NetworkView::maximumScale);
}

void TestUiNetwork::doubleClickListsTheActorsSegments()
{
    NetworkPanel *p = showPanel();
    QVERIFY(!m_window->codedSegmentsDock()->isVisible());
    QTest::mouseDClick(p->view()->viewport(), Qt::LeftButton, {}, viewPoint(node("Putin")));
    QVERIFY(m_window->codedSegmentsDock()->isVisible());
    CodedSegmentsPanel *segments = m_window->codedSegmentsPanel();
    QCOMPARE(segments->queryEdit()->text(), QStringLiteral("actor:\"Putin\""));
    // Annotation 10 names Putin; annotation 14 is Kim's claim about him.
    QCOMPARE(segments->model()->rowCount(), 2);
    QCOMPARE(segments->results().at(0).annotationId, 10);
    QCOMPARE(segments->results().at(1).annotationId, 14);
}

void TestUiNetwork::enterListsTheSelectedActorsSegments()
{
    NetworkPanel *p = showPanel();
    node("Kim Jong Un")->setSelected(true);
    p->view()->setFocus();
    QTest::keyClick(p->view(), Qt::Key_Return);
    CodedSegmentsPanel *segments = m_window->codedSegmentsPanel();
    QCOMPARE(segments->queryEdit()->text(), QStringLiteral("actor:\"Kim Jong Un\""));
    // Four mentions and three claims.
    QCOMPARE(segments->model()->rowCount(), 7);
    QCOMPARE(NetworkPanel::queryFor(QStringLiteral("The \"Firm\"")),
             QStringLiteral("actor:\"The \"\"Firm\"\"\""));
}

void TestUiNetwork::exportsDotGraphMlAndPictures()
{
    NetworkPanel *p = showPanel();
    const QString dot = m_dir.filePath(QStringLiteral("actors.dot"));
    QVERIFY(p->exportTo(dot));
    QCOMPARE(p->statusLabel()->text(), QStringLiteral("Network exported to %1").arg(dot));
    QFile dotFile(dot);
    QVERIFY(dotFile.open(QIODevice::ReadOnly));
    const QString dotText = QString::fromUtf8(dotFile.readAll());
    QVERIFY(dotText.startsWith(QLatin1String("digraph actors {")));
    QCOMPARE(dotText.count(QLatin1String("label=")), 4);
    QCOMPARE(dotText.count(QLatin1String(" -> ")), 7);
    QVERIFY(dotText.contains(QLatin1String("stance=\"opposes\", weight=1, penwidth=2, "
                                           "color=\"#d0312d\"")));

    // Only the edges shown: claims without co-mention.
    p->coMentionBox()->setChecked(false);
    const QString graphml = m_dir.filePath(QStringLiteral("actors.GraphML"));
    QVERIFY(p->exportTo(graphml));
    QFile xmlFile(graphml);
    QVERIFY(xmlFile.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&xmlFile);
    int nodes = 0, edges = 0;
    QStringList names;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("node"))
            ++nodes;
        else if (xml.name() == QLatin1String("edge"))
            ++edges;
        else if (xml.name() == QLatin1String("data")
                 && xml.attributes().value(QLatin1String("key")) == QLatin1String("name"))
            names << xml.readElementText();
    }
    QVERIFY(!xml.hasError());
    QCOMPARE(nodes, 4);
    QCOMPARE(edges, 3);
    QCOMPARE(names, QStringList({"Kim Jong Un", "Putin", "Russia", "South Korea"}));

    const QString png = m_dir.filePath(QStringLiteral("actors.png"));
    const QString gexf = m_dir.filePath(QStringLiteral("actors.gexf"));
    QVERIFY(p->exportTo(gexf));
    QFile gexfFile(gexf);
    QVERIFY(gexfFile.open(QIODevice::ReadOnly));
    const QByteArray gexfBytes = gexfFile.readAll();
    QVERIFY(gexfBytes.contains("<gexf"));
    QCOMPARE(gexfBytes.count("<edge "), 3);

    QVERIFY(p->exportTo(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 50);
    // The opposing claim's red is in the picture.
    bool red = false;
    for (int y = 0; y < image.height() && !red; ++y) {
        for (int x = 0; x < image.width() && !red; ++x)
            red = image.pixelColor(x, y) == QColor("#d0312d");
    }
    QVERIFY(red);
    const QString svg = m_dir.filePath(QStringLiteral("actors.svg"));
    QVERIFY(p->exportTo(svg));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgBytes = svgFile.readAll();
    QVERIFY(svgBytes.contains("<svg"));
    QVERIFY(svgBytes.contains("South Korea"));
    QVERIFY(svgBytes.contains("#d0312d"));

    QVERIFY(!p->exportTo(m_dir.filePath(QStringLiteral("actors.txt"))));
    QVERIFY(p->statusLabel()->text().contains(QLatin1String("unknown format")));
    QVERIFY(!p->exportTo(m_dir.filePath(QStringLiteral("missing/dir/actors.gexf"))));
    QVERIFY(p->statusLabel()->text().contains(QLatin1String("cannot write")));
}

void TestUiNetwork::dotLayoutPutsSpeakersAbove()
{
    NetworkPanel *p = showPanel();
    p->layoutBox()->setCurrentIndex(int(NetworkLayout::Engine::Dot));
    QCOMPARE(p->nodeItems().size(), 4);
    for (const char *target : {"Russia", "Putin", "South Korea"})
        QVERIFY(node(target)->scenePos().y() > node("Kim Jong Un")->scenePos().y());
}

void TestUiNetwork::followsThePalette()
{
    NetworkPanel *p = showPanel();
    QPalette dark = p->palette();
    dark.setColor(QPalette::Base, QColor("#1e1f22"));
    dark.setColor(QPalette::Text, QColor("#e6e6e6"));
    p->setPalette(dark);
    QCOMPARE(p->scene()->backgroundBrush().color(), QColor("#1e1f22"));
    // Stance colours stay; the legend's "no stance" follows the text colour.
    QCOMPARE(edge(Type::Claim, "Kim Jong Un", "South Korea")->colour(), QColor("#d0312d"));
    bool legend = false;
    for (QLabel *label : p->findChildren<QLabel *>())
        legend |= label->text().contains(QLatin1String("#e6e6e6"));
    QVERIFY(legend);
}

void TestUiNetwork::followsTheStore()
{
    // On a copy: this test changes the project.
    m_window.reset();
    const QString copy = m_dir.filePath(QStringLiteral("changed.framewise"));
    QVERIFY(QFile::copy(m_project, copy));
    m_window
        = std::make_unique<MainWindow>(ProjectSession::open(copy), MainWindow::Options {false});
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    NetworkPanel *p = showPanel();
    QCOMPARE(p->edgeItems().size(), 7);

    // Bob's "praised the alliance" (annotation 11) becomes Putin's claim
    // about Kim, without a stance: a new arrow in the text colour.
    Claim claim;
    claim.annotationId = 11;
    claim.speakerId = 2;
    claim.targetId = 1;
    m_window->store().annotations().setClaim(claim);
    QCOMPARE(p->edgeItems().size(), 8);
    NetworkEdgeItem *praise = edge(Type::Claim, "Putin", "Kim Jong Un");
    QVERIFY(praise);
    QCOMPARE(praise->colour(), p->palette().color(QPalette::Text));
    const double once = praise->width();

    // A second such claim (the “heroic” of annotation 13): the same arrow,
    // wider. An actor moved by hand is placed afresh.
    NetworkNodeItem *russia = node("Russia");
    russia->setPos(russia->pos() + QPointF(80, 80));
    QVERIFY(!edge(Type::Claim, "Kim Jong Un", "Russia")->followsRoute());
    claim.annotationId = 13;
    m_window->store().annotations().setClaim(claim);
    QCOMPARE(p->edgeItems().size(), 8);
    praise = edge(Type::Claim, "Putin", "Kim Jong Un");
    QCOMPARE(praise->edge().weight, 2);
    QVERIFY(praise->width() > once);
    QVERIFY(edge(Type::Claim, "Kim Jong Un", "Russia")->followsRoute());

    // Hidden, the panel waits; shown again, it catches up.
    m_window->networkDock()->hide();
    Actor actor;
    actor.name = QStringLiteral("Seoul");
    actor.kind = QStringLiteral("city");
    m_window->store().actors().add(actor);
    QCOMPARE(p->nodeItems().size(), 4);
    m_window->networkDock()->show();
    QTRY_COMPARE(p->nodeItems().size(), 5);
    QVERIFY(node("Seoul"));
}

void TestUiNetwork::projectWithoutActors()
{
    m_window.reset();
    const QString empty = m_dir.filePath(QStringLiteral("empty.framewise"));
    m_window = std::make_unique<MainWindow>(
        ProjectSession::open(empty, ProjectSession::OpenMode::CreateIfMissing),
        MainWindow::Options {false});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    NetworkPanel *p = showPanel();
    QVERIFY(p->nodeItems().isEmpty());
    QVERIFY(p->scene()->items().isEmpty());
    QVERIFY(p->statusLabel()->text().startsWith(QLatin1String("No actors yet")));
    QVERIFY(!p->exportButton()->isEnabled());
    QVERIFY(!p->exportTo(m_dir.filePath(QStringLiteral("empty.png"))));
    // The first actor, alone.
    Actor actor;
    actor.name = QStringLiteral("Solo");
    m_window->store().actors().add(actor);
    QCOMPARE(p->nodeItems().size(), 1);
    QVERIFY(p->exportButton()->isEnabled());
    QVERIFY(p->view()->viewport()->rect().contains(viewPoint(node("Solo"))));
}

QTEST_MAIN(TestUiNetwork)
#include "tst_ui_network.moc"
