// The models under QAbstractItemModelTester while the store changes
// underneath them, plus the library's filtering and numeric sorting.
#include "annotating/AnnotationListModel.h"
#include "codebook/CodebookModel.h"
#include "library/LibraryFilterProxy.h"
#include "library/LibraryModel.h"
#include "project/StarterProject.h"
#include "store/ProjectSession.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void libraryModelFollowsStore();
    void filterMatchesTitleAndOutlet_data();
    void filterMatchesTitleAndOutlet();
    void annotationColumnSortsAsNumbers();
    void dateColumnSortsChronologically();
    void codebookModelTree();
    void annotationListModel();

private:
    qint64 addArticle(const QString &title, const QString &outlet, const QString &text);
    void annotate(qint64 articleId, int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectSession> m_session;
};

void TestModels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = StarterProject::openOrCreate(m_dir->filePath(QStringLiteral("m.framewise")));
}

void TestModels::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

qint64 TestModels::addArticle(const QString &title, const QString &outlet, const QString &text)
{
    Article a;
    a.title = title;
    a.outlet = outlet;
    a.text = text;
    return m_session->articles().add(a).id;
}

void TestModels::annotate(qint64 articleId, int count)
{
    const qint64 code = m_session->codebook().codes().first().id;
    for (int i = 0; i < count; ++i)
        m_session->annotations().add({articleId, i, i + 1, {code}, {}, {}, 0});
}

void TestModels::libraryModelFollowsStore()
{
    LibraryModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 1);
    const qint64 id = addArticle(QStringLiteral("Second"), QStringLiteral("Wire"), QStringLiteral("Some text here."));
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, LibraryModel::Annotations).data().toInt(), 0);
    annotate(id, 3);
    QCOMPARE(model.index(row, LibraryModel::Annotations).data().toInt(), 3);
    QCOMPARE(model.index(row, LibraryModel::Title).data().toString(), QStringLiteral("Second"));
    QCOMPARE(model.index(row, LibraryModel::Outlet).data().toString(), QStringLiteral("Wire"));
    QCOMPARE(model.index(row, 0).data(LibraryModel::ArticleIdRole).toLongLong(), id);
    proxy.setFilterText(QStringLiteral("second"));
    QCOMPARE(proxy.rowCount(), 1);
}

void TestModels::filterMatchesTitleAndOutlet_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty shows all") << QString() << 4;
    QTest::newRow("title, other case") << QStringLiteral("ELECTION") << 2;
    QTest::newRow("outlet") << QStringLiteral("guardian") << 1;
    QTest::newRow("outlet part") << QStringLiteral("Times") << 1;
    QTest::newRow("title or outlet") << QStringLiteral("e") << 4;
    QTest::newRow("text is not searched") << QStringLiteral("zebra") << 0;
    QTest::newRow("spaces trimmed") << QStringLiteral("  budget ") << 1;
}

void TestModels::filterMatchesTitleAndOutlet()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    addArticle(QStringLiteral("Election night"), QStringLiteral("The Guardian"), QStringLiteral("zebra one"));
    addArticle(QStringLiteral("After the election"), QStringLiteral("Times"), QStringLiteral("zebra two"));
    addArticle(QStringLiteral("Budget row"), QStringLiteral("Herald"), QStringLiteral("zebra three"));
    LibraryModel model(*m_session);
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterText(filter);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestModels::annotationColumnSortsAsNumbers()
{
    const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    const qint64 a = addArticle(QStringLiteral("Two"), {}, letters + QLatin1Char('2'));
    const qint64 b = addArticle(QStringLiteral("Ten"), {}, letters + QLatin1Char('X'));
    const qint64 c = addArticle(QStringLiteral("One"), {}, letters + QLatin1Char('1'));
    annotate(a, 2);
    annotate(b, 10);
    annotate(c, 1);
    LibraryModel model(*m_session);
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(LibraryModel::Annotations, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order.append(proxy.index(r, LibraryModel::Title).data().toString());
    // The sample article has none; text sorting would put "10" before "2".
    QCOMPARE(order, (QStringList{StarterProject::sampleTitle(), QStringLiteral("One"), QStringLiteral("Two"),
                                 QStringLiteral("Ten")}));
    // Counts update while sorted.
    annotate(c, 15);
    QCOMPARE(proxy.index(proxy.rowCount() - 1, LibraryModel::Title).data().toString(), QStringLiteral("One"));
}

void TestModels::dateColumnSortsChronologically()
{
    const auto dated = [&](const QString &title, const QString &published) {
        Article a;
        a.title = title;
        a.text = title + QStringLiteral(" text");
        a.published = published;
        m_session->articles().add(a);
    };
    dated(QStringLiteral("March"), QStringLiteral("2024-03-01"));
    dated(QStringLiteral("New Year's Eve"), QStringLiteral("2023-12-31T10:00:00Z"));
    dated(QStringLiteral("January"), QStringLiteral("2024-01-15"));
    LibraryModel model(*m_session);
    LibraryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(LibraryModel::Published, Qt::DescendingOrder);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order.append(proxy.index(r, LibraryModel::Title).data().toString());
    // Newest first; the sample article has no date and comes last. The
    // shown dates are the locale's, which would not sort this way as text.
    QCOMPARE(order, (QStringList{QStringLiteral("March"), QStringLiteral("January"),
                                 QStringLiteral("New Year's Eve"), StarterProject::sampleTitle()}));
}

void TestModels::codebookModelTree()
{
    CodebookModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), m_session->codebook().categories().size());
    const QModelIndex claim = model.index(0, 0);
    QCOMPARE(claim.data().toString(), QStringLiteral("Claim"));
    QVERIFY(claim.data(CodebookModel::IsCategoryRole).toBool());
    const QModelIndex factual = model.index(0, 0, claim);
    QCOMPARE(factual.data().toString(), QStringLiteral("Factual claim  [1]"));
    QVERIFY(factual.data(Qt::ToolTipRole).toString().contains(QStringLiteral("checked")));
    QVERIFY(!factual.data(Qt::DecorationRole).isNull());
    QCOMPARE(factual.parent(), claim);
    QCOMPARE(model.indexOfCode(factual.data(CodebookModel::CodeIdRole).toLongLong()), factual);

    // A nested code appears under its parent.
    Code child;
    child.categoryId = m_session->codebook().categoryByName(QStringLiteral("Claim"))->id;
    child.parentId = factual.data(CodebookModel::CodeIdRole).toLongLong();
    child.name = QStringLiteral("Statistic");
    child.colour = QStringLiteral("#336699");
    const qint64 childId = m_session->codebook().addCode(child);
    const QModelIndex childIndex = model.indexOfCode(childId);
    QVERIFY(childIndex.isValid());
    QCOMPARE(childIndex.parent().data(CodebookModel::CodeIdRole).toLongLong(), child.parentId);
    QCOMPARE(childIndex.data().toString(), QStringLiteral("Statistic"));
}

void TestModels::annotationListModel()
{
    AnnotationListModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 id = addArticle(QStringLiteral("List"), {}, QStringLiteral("alpha beta gamma delta"));
    model.setArticle(id);
    QCOMPARE(model.rowCount(), 0);
    const Code code = *m_session->codebook().codeByName(QStringLiteral("Person"));
    m_session->annotations().add({id, 11, 16, {code.id}, QStringLiteral("Ana"), QStringLiteral("a note"), 0});
    m_session->annotations().add({id, 0, 5, {code.id}, QStringLiteral("Ben"), {}, 0});
    QCOMPARE(model.rowCount(), 2);
    // Reading order, not creation order.
    QCOMPARE(model.index(0, AnnotationListModel::Quote).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(model.index(1, AnnotationListModel::Quote).data().toString(), QStringLiteral("gamma"));
    QCOMPARE(model.index(1, AnnotationListModel::Codes).data().toString(), QStringLiteral("Person"));
    QCOMPARE(model.index(1, AnnotationListModel::Coder).data().toString(), QStringLiteral("Ana"));
    QCOMPARE(model.index(1, AnnotationListModel::Note).data().toString(), QStringLiteral("a note"));
    QVERIFY(!model.index(1, AnnotationListModel::Codes).data(Qt::DecorationRole).isNull());
    // Changes to another article leave this list alone.
    const qint64 other = addArticle(QStringLiteral("Other"), {}, QStringLiteral("zzz yyy"));
    m_session->annotations().add({other, 0, 3, {code.id}, {}, {}, 0});
    QCOMPARE(model.rowCount(), 2);
    m_session->annotations().remove(model.annotation(0).id);
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestModels)
#include "tst_ui_models.moc"
