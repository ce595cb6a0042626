// The reading lens and the SQL console: exact cue spans in the sample
// article, lexicon edits reaching the reader, quotations coded through the
// undo stack, the console refusing writes without touching the file, and
// both sharing one syntax repository.
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "StarterWindow.h"
#include "shell/SyntaxRepository.h"
#include "console/QueryResultModel.h"
#include "console/SqlConsole.h"
#include "lens/DefaultLexicon.h"
#include "lens/LensEngine.h"
#include "lens/LensToolBar.h"
#include "lens/ReadingLens.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QImage>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

namespace {

using Spans = QList<QPair<qint64, qint64>>; // code points, end exclusive

QString sampleText()
{
    QFile f(QStringLiteral(FRAMEWISE_SOURCE_DIR "/resources/samples/kim-jong-un-ukraine-korean-security.txt"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no sample article");
    return QString::fromUtf8(f.readAll());
}

Spans codePointSpans(LensEngine &engine, const QString &text, LensCue cue)
{
    const TextOffsets offsets(text);
    Spans spans;
    for (const LensSpan &s : engine.spansInText(text, QStringLiteral("en"), cue))
        spans.append({offsets.toCodePoint(s.start), offsets.toCodePoint(s.end())});
    return spans;
}

// The five direct quotations of the sample, quote marks included.
const Spans kQuotations = {{251, 261}, {1295, 1318}, {1353, 1379}, {1935, 1970}, {2225, 2244}};

} // namespace

class TestLens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void findsQuotationsInSample();
    void findsAttributionVerbsInSample();
    void otherCuesAndLanguages();
    void lexiconEditChangesHighlighting();
    void lensRendersAsForegroundAndUnderline();
    void toggles();
    void codesAllQuotationsAndUndoes();
    void consoleRunsAndRefusesWrites();
    void consoleCancelsLongQuery();
    void consoleAndLensShareOneRepository();
    void enginesSharingTheRepositoryKeepTheirLexicons();

private:
    QByteArray projectHash() const;
    QueryResult runInConsole(const QString &sql);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestLens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLens::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1200, 800}));
    QVERIFY(m_window->readingLens());
    m_window->readingLens()->setEnabled(true);
    for (LensCue cue : LensCues::all())
        m_window->readingLens()->setCueEnabled(cue, true);
}

void TestLens::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestLens::findsQuotationsInSample()
{
    QTemporaryDir folder;
    LensEngine engine(folder.path());
    engine.setLexicon(DefaultLexicon::terms());
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("syntax/framewise-lens-quotes-en.xml"))));
    QCOMPARE(codePointSpans(engine, sampleText(), LensCue::Quotation), kQuotations);
}

void TestLens::findsAttributionVerbsInSample()
{
    QTemporaryDir folder;
    LensEngine engine(folder.path());
    engine.setLexicon(DefaultLexicon::terms());
    const Spans expected = {
        {418, 426},   // declared
        {723, 730},   // praised
        {844, 849},   // urged
        {938, 947},   // described
        {1264, 1270}, // called
        {1337, 1343}, // warned
        {1380, 1392}, // According to
        {1492, 1499}, // claimed
        {1595, 1603}, // promised
        {1917, 1926}, // described
        {2163, 2171}, // insisted
        {2272, 2282}, // emphasized
        {2322, 2330}, // stressed
        {2389, 2396}, // praised
        {2421, 2427}, // called
        {2503, 2512}, // suggested
        {2670, 2679}, // confirmed
        {2938, 2945}, // thanked
    };
    QCOMPARE(codePointSpans(engine, sampleText(), LensCue::Attribution), expected);
}

void TestLens::otherCuesAndLanguages()
{
    QTemporaryDir folder;
    LensEngine engine(folder.path());
    engine.setLexicon(DefaultLexicon::terms());
    const auto found = [&](const QString &text, const QString &language, LensCue cue) {
        QStringList words;
        for (const LensSpan &s : engine.spansInText(text, language, cue))
            words.append(text.mid(s.start, s.length));
        return words;
    };
    QCOMPARE(found(QStringLiteral("a “neo-Nazi” regime and its lackeys"), QStringLiteral("en"), LensCue::Loaded),
             (QStringList{QStringLiteral("neo-Nazi"), QStringLiteral("regime"), QStringLiteral("lackeys")}));
    QCOMPARE(found(QStringLiteral("It may rain on May 9, 1945, reportedly."), QStringLiteral("en"), LensCue::Hedge),
             (QStringList{QStringLiteral("may"), QStringLiteral("reportedly")}));
    QCOMPARE(found(QStringLiteral("It may rain on May 9, 1945."), QStringLiteral("en"), LensCue::Date),
             QStringList{QStringLiteral("May")});
    QCOMPARE(found(QStringLiteral("It may rain on May 9, 1945 by 12.5%."), QStringLiteral("en"), LensCue::Number),
             (QStringList{QStringLiteral("9"), QStringLiteral("1945"), QStringLiteral("12.5")}));
    QCOMPARE(found(QStringLiteral("Он заявил: «Мы победим», — а они заявили „нет“."), QStringLiteral("ru"),
                   LensCue::Quotation),
             (QStringList{QStringLiteral("«Мы победим»"), QStringLiteral("„нет“")}));
    QCOMPARE(found(QStringLiteral("Он заявил, а они заявили."), QStringLiteral("ru"), LensCue::Attribution),
             (QStringList{QStringLiteral("заявил"), QStringLiteral("заявили")}));
    QCOMPARE(found(QStringLiteral("그는 “침략을 멈추라”고 말했다. 김정은은 밝혔다."), QStringLiteral("ko"), LensCue::Attribution),
             (QStringList{QStringLiteral("말했다"), QStringLiteral("밝혔다")}));
    QCOMPARE(found(QStringLiteral("그는 “침략을 멈추라”고 말했다."), QStringLiteral("ko"), LensCue::Loaded),
             QStringList{QStringLiteral("침략을")});
}

void TestLens::lexiconEditChangesHighlighting()
{
    ReaderView *reader = m_window->reader();
    ProjectSession &store = m_window->store();
    const qint64 at = reader->article().text.indexOf(QStringLiteral("readiness")) + 2;
    QVERIFY(at > 2);
    const auto underlined = [&] {
        reader->viewport()->repaint();
        QCoreApplication::processEvents();
        return reader->mergedFormatAt(at).underlineStyle() == QTextCharFormat::DotLine;
    };
    QVERIFY(!underlined());

    QStringList loaded;
    for (const LexiconTerm &t : store.lexicon().terms()) {
        if (t.cue == QLatin1String("loaded") && t.language == QLatin1String("en"))
            loaded.append(t.term);
    }
    QVERIFY(loaded.contains(QStringLiteral("lackeys")));
    store.lexicon().setTerms(QStringLiteral("loaded"), QStringLiteral("en"), loaded + QStringList{QStringLiteral("readiness")});
    QVERIFY(underlined());
    QCOMPARE(reader->mergedFormatAt(at).underlineColor(),
             m_window->readingLens()->engine().colour(LensCue::Loaded));

    // And back: the stored lexicon drives the definitions, both ways.
    store.lexicon().setTerms(QStringLiteral("loaded"), QStringLiteral("en"), loaded);
    QVERIFY(!underlined());
}

void TestLens::lensRendersAsForegroundAndUnderline()
{
    ReaderView *reader = m_window->reader();
    reader->viewport()->repaint();
    // Inside the first quotation: the theme's string colour as text colour.
    const QTextCharFormat quote = reader->mergedFormatAt(255);
    QCOMPARE(quote.foreground().color(), m_window->readingLens()->engine().colour(LensCue::Quotation));
    // "declared": a dotted underline, no background of its own.
    const QTextCharFormat verb = reader->mergedFormatAt(420);
    QCOMPARE(verb.underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(verb.underlineColor(), m_window->readingLens()->engine().colour(LensCue::Attribution));

    // Decorated blocks are laid out and painted again, not left blank.
    QCoreApplication::processEvents();
    reader->viewport()->repaint();
    const QTextBlock block = reader->document()->findBlock(reader->textStart() + 255);
    QVERIFY(!block.layout()->formats().isEmpty());
    QVERIFY(block.layout()->lineCount() > 0);
    const QImage shot = reader->viewport()->grab().toImage();
    int dark = 0;
    for (int y = 0; y < shot.height(); y += 2) {
        for (int x = 0; x < shot.width(); x += 2)
            dark += qGray(shot.pixel(x, y)) < 100;
    }
    QVERIFY2(dark > 500, qPrintable(QStringLiteral("only %1 dark pixels: text not drawn").arg(dark)));
}

void TestLens::toggles()
{
    ReadingLens *lens = m_window->readingLens();
    ReaderView *reader = m_window->reader();
    const auto verbUnderlined = [&] {
        reader->viewport()->repaint();
        return reader->mergedFormatAt(420).underlineStyle() == QTextCharFormat::DotLine;
    };
    QVERIFY(verbUnderlined());
    lens->toolBar()->cueAction(LensCue::Attribution)->trigger();
    QVERIFY(!lens->cues().contains(LensCue::Attribution));
    QVERIFY(!verbUnderlined());
    lens->toolBar()->cueAction(LensCue::Attribution)->trigger();
    QVERIFY(verbUnderlined());
    lens->toolBar()->lensAction()->trigger();
    QVERIFY(!lens->isEnabled());
    QVERIFY(!verbUnderlined());
    lens->toolBar()->lensAction()->trigger();
    QVERIFY(verbUnderlined());

    // Any installed theme can be picked; colours follow.
    const QColor before = lens->engine().colour(LensCue::Quotation);
    lens->setThemeName(QStringLiteral("Solarized Dark"));
    QCOMPARE(lens->effectiveThemeName(), QStringLiteral("Solarized Dark"));
    QVERIFY(lens->engine().colour(LensCue::Quotation) != before);
    lens->setThemeName(QString());
}

void TestLens::codesAllQuotationsAndUndoes()
{
    ReadingLens *lens = m_window->readingLens();
    ProjectSession &store = m_window->store();
    const qint64 articleId = m_window->reader()->articleId();
    const qint64 claim = lens->defaultClaimCode();
    QVERIFY(claim);
    const int before = int(store.annotations().forArticle(articleId).size());

    const QList<QuotationCandidate> candidates = lens->quotationCandidates(claim);
    Spans found;
    for (const QuotationCandidate &c : candidates)
        found.append({c.start, c.end});
    QCOMPARE(found, kQuotations);
    QCOMPARE(candidates.at(1).quote, QStringLiteral("“most faithful lackeys”"));

    // Reject the second in the preview, accept the rest.
    QList<QuotationCandidate> accepted = candidates;
    accepted.removeAt(1);
    QCOMPARE(lens->codeQuotations(accepted, claim), 4);
    QList<Annotation> after = store.annotations().forArticle(articleId);
    QCOMPARE(after.size(), before + 4);
    Spans coded;
    for (const Annotation &a : after) {
        if (a.codeIds == QList<qint64>{claim})
            coded.append({a.start, a.end});
    }
    for (const auto &span : {kQuotations[0], kQuotations[2], kQuotations[3], kQuotations[4]})
        QVERIFY(coded.contains(span));
    QVERIFY(!coded.contains(kQuotations[1]));
    // The reader shows them and the next preview marks them as coded.
    QCOMPARE(m_window->reader()->annotations().size(), after.size());
    QVERIFY(lens->quotationCandidates(claim).at(0).alreadyCoded);
    QVERIFY(!lens->quotationCandidates(claim).at(1).alreadyCoded);

    // One undo removes the whole batch; redo brings it back.
    m_window->undoStack()->undo();
    QCOMPARE(store.annotations().forArticle(articleId).size(), before);
    m_window->undoStack()->redo();
    QCOMPARE(store.annotations().forArticle(articleId).size(), before + 4);
}

QByteArray TestLens::projectHash() const
{
    QFile f(m_window->store().path());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QueryResult TestLens::runInConsole(const QString &sql)
{
    SqlConsole *console = m_window->sqlConsole();
    QSignalSpy spy(console, &SqlConsole::queryFinished);
    console->setQuery(sql);
    console->editor()->setFocus();
    QTest::keyClick(console->editor(), Qt::Key_Return, Qt::ControlModifier);
    if (!spy.wait(10000))
        return {};
    return spy.constFirst().constFirst().value<QueryResult>();
}

void TestLens::consoleRunsAndRefusesWrites()
{
    m_window->sqlConsoleDock()->show();
    SqlConsole *console = m_window->sqlConsole();
    QVERIFY(console);
    QAbstractItemModelTester tester(console->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QueryResult r = runInConsole(QStringLiteral("SELECT id, title FROM articles ORDER BY id"));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(console->model()->rowCount(), m_window->store().articles().count());
    QCOMPARE(console->model()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("title"));
    QVERIFY(console->statusLabel()->text().contains(QStringLiteral("row")));
    QCOMPARE(console->historyBox()->itemData(1).toString(), QStringLiteral("SELECT id, title FROM articles ORDER BY id"));

    // The store holds the project open for writing meanwhile: what is on
    // disk (main file) must not change, and neither may the data.
    const int annotations = m_window->store().annotations().count();
    const QByteArray before = projectHash();
    for (const char *sql : {"INSERT INTO coders(name, created_at) VALUES ('x', 'y')", "UPDATE articles SET title = ''",
                            "DELETE FROM annotations", "DROP TABLE annotations", "CREATE TABLE t(x)",
                            "ATTACH ':memory:' AS m", "PRAGMA user_version = 1",
                            "SELECT 1; DELETE FROM annotations"}) {
        r = runInConsole(QString::fromLatin1(sql));
        QCOMPARE(r.status, QueryResult::Status::Refused);
        QVERIFY2(console->statusLabel()->text().startsWith(QStringLiteral("Refused")), sql);
        // The last good result stays on screen.
        QCOMPARE(console->model()->rowCount(), m_window->store().articles().count());
    }
    QCOMPARE(projectHash(), before);
    QCOMPARE(m_window->store().annotations().count(), annotations);

    // Export of what is shown.
    const QString csv = m_dir->filePath(QStringLiteral("out.csv"));
    QVERIFY(console->exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readLine().startsWith("id,title"));
}

void TestLens::consoleCancelsLongQuery()
{
    SqlConsole *console = m_window->sqlConsole();
    QSignalSpy spy(console, &SqlConsole::queryFinished);
    console->setQuery(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                                     "SELECT count(*) FROM c"));
    console->run();
    QVERIFY(console->isRunning());
    QVERIFY(console->cancelButton()->isEnabled());
    QTest::qWait(300);
    QVERIFY(spy.isEmpty());
    QTest::mouseClick(console->cancelButton(), Qt::LeftButton);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.constFirst().constFirst().value<QueryResult>().status, QueryResult::Status::Cancelled);
    QVERIFY(!console->cancelButton()->isEnabled());
}

void TestLens::consoleAndLensShareOneRepository()
{
    m_window->sqlConsoleDock()->show();
    SqlConsole *console = m_window->sqlConsole();
    QVERIFY(console);
    KSyntaxHighlighting::Repository &shared = SyntaxRepository::instance();
    QCOMPARE(&m_window->readingLens()->engine().repository(), &shared);
    QCOMPARE(console->highlighter()->definition(), shared.definitionForName(QStringLiteral("SQL")));

    // "SELECT" gets the keyword format; without a valid definition the
    // highlighter formats nothing.
    const auto keywordHighlighted = [&](const QString &sql) {
        console->setQuery(sql);
        const QList<QTextLayout::FormatRange> formats
            = console->editor()->document()->firstBlock().layout()->formats();
        return std::any_of(formats.cbegin(), formats.cend(), [](const QTextLayout::FormatRange &r) {
            return r.start == 0 && r.length == 6 && !r.format.properties().isEmpty();
        });
    };
    QVERIFY(keywordHighlighted(QStringLiteral("SELECT title FROM articles")));

    // A lexicon edit makes the lens reload the shared repository, which
    // destroys every definition loaded before it.
    const KSyntaxHighlighting::Definition before = console->highlighter()->definition();
    QSignalSpy reloaded(&shared, &KSyntaxHighlighting::Repository::reloaded);
    ProjectSession &store = m_window->store();
    QStringList loaded;
    for (const LexiconTerm &t : store.lexicon().terms()) {
        if (t.cue == QLatin1String("loaded") && t.language == QLatin1String("en"))
            loaded.append(t.term);
    }
    store.lexicon().setTerms(QStringLiteral("loaded"), QStringLiteral("en"),
                          loaded + QStringList {QStringLiteral("readiness")});
    QVERIFY(reloaded.size() >= 1);
    QVERIFY(!before.isValid());
    // The console took the new SQL definition and still highlights.
    QVERIFY(console->highlighter()->definition().isValid());
    QCOMPARE(console->highlighter()->definition(), shared.definitionForName(QStringLiteral("SQL")));
    QVERIFY(keywordHighlighted(QStringLiteral("SELECT id FROM codes")));
    // And the lens sees the new word.
    const QString text = QStringLiteral("Military readiness rose.");
    const QList<LensSpan> spans = m_window->readingLens()->engine().spansInText(
        text, QStringLiteral("en"), LensCue::Loaded);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(text.mid(spans[0].start, spans[0].length), QStringLiteral("readiness"));
}

void TestLens::enginesSharingTheRepositoryKeepTheirLexicons()
{
    // Two engines at once besides the window's, on different lexicons: a
    // definition of the same name loaded first would shadow the others.
    QTemporaryDir folderA, folderB;
    LensEngine a(folderA.path());
    LensEngine b(folderB.path());
    QList<LexiconTerm> terms = DefaultLexicon::terms();
    a.setLexicon(terms);
    LexiconTerm extra;
    extra.cue = QStringLiteral("loaded");
    extra.language = QStringLiteral("en");
    extra.term = QStringLiteral("readiness");
    terms.append(extra);
    b.setLexicon(terms);
    QCOMPARE(&a.repository(), &b.repository());
    const QString text = QStringLiteral("Military readiness and the regime.");
    const auto loaded = [&](LensEngine &engine) {
        QStringList words;
        for (const LensSpan &s : engine.spansInText(text, QStringLiteral("en"), LensCue::Loaded))
            words.append(text.mid(s.start, s.length));
        return words;
    };
    QCOMPARE(loaded(a), QStringList {QStringLiteral("regime")});
    QCOMPARE(loaded(b), (QStringList {QStringLiteral("readiness"), QStringLiteral("regime")}));
    // A later reload (b's lexicon again) leaves a's definitions working.
    b.setLexicon(DefaultLexicon::terms());
    QCOMPARE(loaded(a), QStringList {QStringLiteral("regime")});
    QCOMPARE(loaded(b), QStringList {QStringLiteral("regime")});
}

QTEST_MAIN(TestLens)
#include "tst_lens.moc"
