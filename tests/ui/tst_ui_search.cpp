// Full-text search in the window: the Search dock searches as you type,
// says how many articles match, and shows a hit in the reader with the
// matched word selected at its exact place, also after emoji, in RTL and
// CJK text and through accents.
#include "reader/FindBar.h"
#include "shell/MainWindow.h"
#include "RawSql.h"
#include "reader/ReaderView.h"
#include "search/SearchHitDelegate.h"
#include "search/SearchPanel.h"
#include "search/SearchResultModel.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"
#include "text/TextOffsets.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestUiSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shortcutRaisesDockAndFocusesField();
    void typingSearchesAndCounts();
    void downAndEnterShowTheMatch_data();
    void downAndEnterShowTheMatch();
    void clickingAHitOpensIt();
    void noHitsSaysSo();
    void manyHitsAskToRefine();
    void newArticlesAreNotedUntilIndexed();
    void replacingTheProjectRebuildsThePanel();
    void storeErrorsGoToTheCountLine();
    void snippetHtmlEscapesText();
    void searchOptionOpensTheBestHit();

private:
    qint64 add(const QString &title, const QString &text);
    void search(const QString &query);
    SearchPanel *panel() const { return m_window->searchPanel(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ProjectSession> m_session; // until the window takes it
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUiSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

qint64 TestUiSearch::add(const QString &title, const QString &text)
{
    Article a;
    a.title = title;
    a.text = text;
    ProjectSession &store = m_session ? *m_session : m_window->store();
    return store.articles().add(a).id;
}

void TestUiSearch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = ProjectSession::open(m_dir->filePath(QStringLiteral("search.framewise")),
                                 ProjectSession::OpenMode::CreateIfMissing);
    add(QStringLiteral("Talks in Seoul"),
        QStringLiteral(
            "Diplomats moved toward a deal.\nThen the war in Ukraine came up; Koreans listened."));
    add(QStringLiteral("Scripts 😀 mixed"),
        QStringLiteral(
            "😀😀 Fans cheered. 北朝鮮 の 記者 reported that قال الحرب في أوكرانيا was named, "
            "and the war went on."));
    add(QStringLiteral("Le Café"),
        QStringLiteral("Au Cafe\u0301 de Paris, on parle <b>politique</b> & guerre."));
    // Imports index in the background; here, at once.
    SearchIndexer::catchUp(*m_session);
    QCOMPARE(m_session->articles().unindexedCount(), 0);

    m_window = std::make_unique<MainWindow>(std::move(m_session), MainWindow::Options {false});
    m_window->resize(1200, 800);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        panel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestUiSearch::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

void TestUiSearch::search(const QString &query)
{
    QLineEdit *edit = panel()->searchEdit();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), edit);
    edit->clear();
    // One key event per character, with its text: keyClicks() takes ASCII only.
    for (const uint c : query.toUcs4()) {
        const QString text = QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, text);
        QApplication::sendEvent(edit, &press);
    }
    QCOMPARE(edit->text(), query);
    // Typing searches on its own after a short pause.
    QTRY_COMPARE_WITH_TIMEOUT(panel()->query(), query, 2000);
}

void TestUiSearch::shortcutRaisesDockAndFocusesField()
{
    QDockWidget *dock = m_window->searchDock();
    QCOMPARE(dock->objectName(), QStringLiteral("searchDock"));
    QVERIFY(m_window->tabifiedDockWidgets(dock).contains(
        m_window->findChild<QDockWidget *>(QStringLiteral("libraryDock"))));
    QVERIFY(m_window->tabifiedDockWidgets(dock).contains(
        m_window->findChild<QDockWidget *>(QStringLiteral("feedDock"))));
    QVERIFY(dock->visibleRegion().isEmpty()); // the Library tab is in front

    m_window->reader()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QLineEdit *edit = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    QCOMPARE(QApplication::focusWidget(), edit);
    QTRY_VERIFY(!dock->visibleRegion().isEmpty());
    QVERIFY(edit->placeholderText().startsWith(QStringLiteral("Search all articles")));
}

void TestUiSearch::typingSearchesAndCounts()
{
    search(QStringLiteral("war"));
    QCOMPARE(panel()->model()->rowCount(), 2);
    QCOMPARE(panel()->countLabel()->text(), QStringLiteral("2 articles"));
    QVERIFY(!panel()->indexingLabel()->isVisible());
    // The snippet keeps the markers; the list draws them as emphasis.
    const QString snippet
        = panel()->model()->index(0).data(SearchResultModel::SnippetRole).toString();
    QVERIFY2(snippet.contains(QStringLiteral("\u0002war\u0003")), qPrintable(snippet));

    search(QStringLiteral("記者"));
    QCOMPARE(panel()->model()->rowCount(), 1);
    QCOMPARE(panel()->countLabel()->text(), QStringLiteral("1 article"));
}

void TestUiSearch::downAndEnterShowTheMatch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("selected");
    QTest::addColumn<int>("occurrence"); // which occurrence of selected in the text

    // "war" first occurs inside "toward", which is not what the index matched.
    QTest::newRow("whole word") << QStringLiteral("war ukraine") << QStringLiteral("Talks in Seoul")
                                << QStringLiteral("war") << 1;
    QTest::newRow("prefix") << QStringLiteral("korea*") << QStringLiteral("Talks in Seoul")
                            << QStringLiteral("Korea") << 0;
    QTest::newRow("cjk after emoji") << QStringLiteral("記者") << QStringLiteral("Scripts 😀 mixed")
                                     << QStringLiteral("記者") << 0;
    QTest::newRow("rtl") << QStringLiteral("الحرب") << QStringLiteral("Scripts 😀 mixed")
                         << QStringLiteral("الحرب") << 0;
    // Through the accent: the snippet's marked word is what is selected.
    QTest::newRow("combining accent")
        << QStringLiteral("cafe") << QStringLiteral("Le Café") << QStringLiteral("Cafe\u0301") << 0;
}

void TestUiSearch::downAndEnterShowTheMatch()
{
    QFETCH(QString, query);
    QFETCH(QString, title);
    QFETCH(QString, selected);
    QFETCH(int, occurrence);

    search(query);
    QCOMPARE(panel()->model()->rowCount(), 1);
    QListView *list = panel()->view();
    QTest::keyClick(panel()->searchEdit(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), list);
    QCOMPARE(list->currentIndex().row(), 0);
    ReaderView *reader = m_window->reader();
    QCOMPARE(reader->article().title, title);
    // Selecting shows the article but leaves focus in the list.
    QCOMPARE(QApplication::focusWidget(), list);

    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), reader);

    const QString &text = reader->article().text;
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = text.indexOf(selected, at + 1, Qt::CaseInsensitive);
    QVERIFY(at >= 0);
    const QTextCursor cursor = reader->textCursor();
    QCOMPARE(cursor.selectionStart() - reader->textStart(), int(at)); // UTF-16 code units
    QCOMPARE(cursor.selectionEnd() - cursor.selectionStart(), int(selected.size()));
    QCOMPARE(cursor.selectedText(), text.mid(at, selected.size()));
    const auto span = reader->selectedSpan();
    QVERIFY(span.has_value());
    const TextOffsets offsets(text);
    QCOMPARE(span->start, offsets.toCodePoint(at)); // and code points, as the store counts
    QCOMPARE(span->end, offsets.toCodePoint(at + selected.size()));
    QVERIFY(reader->cursorRect().intersects(reader->viewport()->rect()));
    // The find bar stays closed and no stale markers are left behind.
    QVERIFY(!reader->findBar()->isVisible());
    QCOMPARE(reader->findMatchCount(), 0);
}

void TestUiSearch::clickingAHitOpensIt()
{
    search(QStringLiteral("war"));
    QCOMPARE(panel()->model()->rowCount(), 2);
    QListView *list = panel()->view();
    for (int row = 0; row < 2; ++row) {
        const QModelIndex index = panel()->model()->index(row);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_COMPARE(m_window->reader()->articleId(),
                     index.data(SearchResultModel::ArticleIdRole).toLongLong());
        QCOMPARE(m_window->reader()->textCursor().selectedText().toLower(), QStringLiteral("war"));
    }
}

void TestUiSearch::noHitsSaysSo()
{
    search(QStringLiteral("zeppelin"));
    QCOMPARE(panel()->model()->rowCount(), 0);
    QCOMPARE(panel()->countLabel()->text(), QStringLiteral("No article matches “zeppelin”"));
    // Down with nothing to move to stays in the field.
    QTest::keyClick(panel()->searchEdit(), Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), panel()->searchEdit());
}

void TestUiSearch::manyHitsAskToRefine()
{
    QList<Article> many;
    for (int i = 0; i < SearchPanel::limit + 5; ++i) {
        Article a;
        a.title = QStringLiteral("Bulletin %1").arg(i);
        a.text = QStringLiteral("Bulletin number %1 about the harvest.").arg(i);
        many.append(a);
    }
    m_window->store().articles().addMany(many);
    SearchIndexer::catchUp(m_window->store());
    panel()->refresh();
    search(QStringLiteral("harvest"));
    QCOMPARE(panel()->model()->rowCount(), SearchPanel::limit);
    QCOMPARE(panel()->countLabel()->text(),
             QStringLiteral("Showing the first 100 — refine the search"));
}

void TestUiSearch::newArticlesAreNotedUntilIndexed()
{
    search(QStringLiteral("zeppelin"));
    QCOMPARE(panel()->model()->rowCount(), 0);
    // Stored but not indexed yet: the panel says so at once...
    add(QStringLiteral("Airships"), QStringLiteral("A zeppelin flew over the harbour."));
    QVERIFY(panel()->indexingLabel()->isVisible());
    QCOMPARE(panel()->indexingLabel()->text(),
             QStringLiteral("1 recently added article is still being indexed"));
    // ...and the background indexer makes it searchable and refreshes.
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->indexingLabel()->isVisible(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->rowCount(), 1, 10000);
    QCOMPARE(panel()->countLabel()->text(), QStringLiteral("1 article"));
}

void TestUiSearch::replacingTheProjectRebuildsThePanel()
{
    search(QStringLiteral("war"));
    QCOMPARE(panel()->model()->rowCount(), 2);
    m_tester.reset();
    auto other = ProjectSession::open(m_dir->filePath(QStringLiteral("other.framewise")),
                                    ProjectSession::OpenMode::CreateIfMissing);
    Article a;
    a.title = QStringLiteral("Elsewhere");
    a.text = QStringLiteral("Only one war here.");
    other->articles().add(a);
    SearchIndexer::catchUp(*other);
    m_window->replaceProject(std::move(other));
    QVERIFY(panel());
    QCOMPARE(panel()->model()->rowCount(), 0);
    search(QStringLiteral("war"));
    QCOMPARE(panel()->model()->rowCount(), 1);
    QCOMPARE(panel()->model()->index(0).data(SearchResultModel::TitleRole).toString(),
             QStringLiteral("Elsewhere"));
}

void TestUiSearch::storeErrorsGoToTheCountLine()
{
    // Another program breaks the index under the running app.
    RawSql::run(m_window->store().path(), {QStringLiteral("DROP TABLE articles_fts")});
    if (QTest::currentTestFailed())
        return;
    search(QStringLiteral("war"));
    QCOMPARE(panel()->model()->rowCount(), 0);
    QVERIFY(panel()->countLabel()->isVisible());
    QVERIFY2(panel()->countLabel()->text().contains(QStringLiteral("articles_fts")),
             qPrintable(panel()->countLabel()->text()));
}

void TestUiSearch::snippetHtmlEscapesText()
{
    const QString html = SearchHitDelegate::snippetHtml(
        QStringLiteral("on parle <b>politique</b> & \u0002guerre\u0003\nencore \u0002war"),
        QColor(Qt::yellow));
    QVERIFY2(html.contains(QStringLiteral("&lt;b&gt;politique&lt;/b&gt; &amp; ")),
             qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("background-color:#ffff00\">guerre</span> encore ")),
             qPrintable(html));
    QVERIFY(!html.contains(QChar(u'\u0002')) && !html.contains(QChar(u'\u0003')));
    QCOMPARE(html.count(QStringLiteral("<span")), html.count(QStringLiteral("</span>")));
}

void TestUiSearch::searchOptionOpensTheBestHit()
{
    // `framewise PROJECT --search QUERY`, as a user starts it.
    const QString project = m_window->store().path();
    // Settings of its own: the user's (a lens or layout left on) must not count.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    const auto runApp = [&](const QString &query, const QString &png) {
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(FRAMEWISE_BINARY),
                  {project, QStringLiteral("--search"), query, QStringLiteral("--screenshot"), png});
        app.waitForFinished(60000);
        return std::make_pair(app.exitCode(), QString::fromUtf8(app.readAllStandardError()));
    };
    const QString png = m_dir->filePath(QStringLiteral("hit.png"));
    const auto [found, foundErr] = runApp(QStringLiteral("Koreans"), png);
    QVERIFY2(found == 0, qPrintable(foundErr));
    QVERIFY(!QImage(png).isNull());

    const QString none = m_dir->filePath(QStringLiteral("none.png"));
    const auto [missing, missingErr] = runApp(QStringLiteral("zeppelin"), none);
    QCOMPARE(missing, 1);
    QVERIFY2(missingErr.contains(QStringLiteral("no article matches “zeppelin”")), qPrintable(missingErr));
    QVERIFY(!QFile::exists(none));

    // In the window itself.
    QVERIFY(m_window->searchFor(QStringLiteral("Koreans")));
    QVERIFY(m_window->searchDock()->isVisible());
    QCOMPARE(m_window->reader()->textCursor().selectedText(), QStringLiteral("Koreans"));
    QVERIFY(!m_window->searchFor(QStringLiteral("zeppelin")));
}

QTEST_MAIN(TestUiSearch)
#include "tst_ui_search.moc"
