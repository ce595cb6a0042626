#include "ScaleMeasurements.h"

#include "AnnotationPlanner.h"
#include "BenchContext.h"
#include "CorpusGenerator.h"
#include "GuiMeasurements.h"
#include "Measurement.h"
#include "MemoryProbe.h"
#include "Random.h"
#include "analysis/HtmlReport.h"
#include "base/ProjectError.h"
#include "analysis/SegmentQueryParser.h"
#include "library/LibraryModel.h"
#include "library/LibraryPanel.h"
#include "shell/MainWindow.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectCopy.h"
#include "store/ProjectSession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace {
constexpr int kChunk = 2000; // articles stored per unit of work
constexpr qsizetype kArticleBytes = 3 * 1024;
constexpr int kCodesPerCategory = 15; // 30 codes
const QString kQuery = QStringLiteral("\"Frame 1\" OVERLAPS \"Technique 2\"");
const QString kUnitQuery = QStringLiteral("\"Frame 1\" SAME-PARAGRAPH \"Technique 2\"");
const QString kSearch = QStringLiteral("government minister");

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

QString growth(double small, double large, double articlesRatio)
{
    if (small <= 0)
        return QStringLiteral("n/a");
    const double ratio = large / small;
    return QStringLiteral("×%1 (%2)")
        .arg(ratio, 0, 'f', 1)
        .arg(ratio <= articlesRatio * 1.1
                 ? (ratio < articlesRatio * 0.7 ? QStringLiteral("sub-linear")
                                                : QStringLiteral("linear"))
                 : QStringLiteral("faster than linear"));
}
} // namespace

ScaleMeasurements::ScaleMeasurements(BenchContext &context, const SentencePool &pool,
                                     QList<int> sizes)
    : m_context(context)
    , m_pool(pool)
    , m_sizes(std::move(sizes))
{
}

QString ScaleMeasurements::build(int articles)
{
    QElapsedTimer timer;
    timer.start();
    const QString path
        = QDir(m_context.workDir).filePath(QStringLiteral("scale-%1.framewise").arg(articles));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);

    QList<qint64> codes;
    int position = 0;
    for (const auto &[name, kind] : {std::pair {"Frame", Category::Kind::Frame},
                                     std::pair {"Technique", Category::Kind::Technique}}) {
        Category c;
        c.name = QLatin1String(name);
        c.kind = kind;
        c.colour = QStringLiteral("#4363d8");
        c.position = position++;
        const qint64 category = store->codebook().addCategory(c);
        for (int i = 1; i <= kCodesPerCategory; ++i) {
            Code code;
            code.categoryId = category;
            code.name = QStringLiteral("%1 %2").arg(QLatin1String(name)).arg(i);
            code.colour = QStringLiteral("#4363d8");
            code.position = i;
            codes << store->codebook().addCode(code);
        }
    }
    QList<qint64> actors;
    for (int i = 1; i <= 20; ++i) {
        Actor a;
        a.name = QStringLiteral("Actor %1").arg(i);
        a.kind = QStringLiteral("person");
        actors << store->actors().add(a);
    }
    const QStringList coders
        = {QStringLiteral("amira"), QStringLiteral("jonas"), QStringLiteral("mei")};
    for (const QString &c : coders)
        store->coders().ensure(c);

    CorpusGenerator generator(m_pool, m_context.seed + quint64(articles));
    AnnotationPlanner planner(codes, coders, m_context.seed + 7);
    Random random(m_context.seed + 11);
    const QStringList outlets = {QStringLiteral("Daily Planet"), QStringLiteral("Morning Post"),
                                 QStringLiteral("Evening Star"), QStringLiteral("Globe"),
                                 QStringLiteral("Herald"),       QStringLiteral("Courier"),
                                 QStringLiteral("Tribune"),      QStringLiteral("Gazette")};
    const QDate first(2023, 1, 1);
    qint64 annotations = 0;
    for (int done = 0; done < articles; done += kChunk) {
        QList<Article> batch;
        for (int i = done; i < std::min(articles, done + kChunk); ++i) {
            Article a;
            a.text = generator.article(kArticleBytes);
            a.title = a.text.section(QLatin1Char('\n'), 0, 0).left(200);
            a.outlet = outlets.at(i % outlets.size());
            a.published = first.addDays(i % 730).toString(Qt::ISODate);
            batch << a;
        }
        UnitOfWork unit(store->database());
        const auto added = store->articles().addMany(batch);
        if (done == 0)
            m_firstArticle = added.constFirst().id;
        QList<NewAnnotation> planned;
        for (qsizetype i = 0; i < added.size(); ++i) {
            // 5 to 15 per article: 10 on average.
            QList<NewAnnotation> some
                = planner.plan(added[i].id, batch[i].text, int(random.between(5, 15)));
            for (NewAnnotation &n : some) {
                if (random.chance(0.1))
                    n.actorId = actors.at(random.below(actors.size()));
            }
            planned << some;
        }
        annotations += store->annotations().addMany(planned).size();
        unit.commit();
        while (store->articles().indexPending(5000) > 0) { }
    }
    QElapsedTimer units;
    units.start();
    AnalysisRepository(store->database()).prepareUnits();
    std::fprintf(stderr,
                 "  %d articles, %lld annotations built in %.1f s (sentences and paragraphs cut in "
                 "%.1f s)\n",
                 articles, qlonglong(annotations), double(timer.elapsed()) / 1000,
                 double(units.elapsed()) / 1000);
    return path;
}

QString ScaleMeasurements::reuse(int articles)
{
    const QString path
        = QDir(m_context.workDir).filePath(QStringLiteral("scale-%1.framewise").arg(articles));
    if (!m_context.reuse || !QFileInfo::exists(path))
        return {};
    // Only a project a finished build left: all its articles, units cut.
    auto store = ProjectSession::open(path);
    const QList<ArticleSummary> all = store->articles().summaries();
    if (all.size() != articles || AnalysisRepository(store->database()).prepareUnits() != 0)
        return {};
    m_firstArticle = all.constFirst().id;
    std::fprintf(stderr, "  %d articles: measuring the project left in %s\n", articles,
                 qPrintable(path));
    return path;
}

ScaleMeasurements::Figures ScaleMeasurements::measure(int articles)
{
    QString path = reuse(articles);
    if (path.isEmpty())
        path = build(articles);
    Figures f;
    f.articles = articles;
    f.bytesPerArticle = double(QFileInfo(path).size()) / articles;
    auto store = ProjectSession::open(path);
    AnalysisRepository analysis(store->database());
    const SegmentQuery query = SegmentQueryParser::parse(kQuery);
    const SegmentQuery unitQuery = SegmentQueryParser::parse(kUnitQuery);
    const int runs = std::max(3, m_context.repeat * 2 + 1);
    QList<double> retrieval, unitRetrieval, matrix, cooccurrence, report;
    int found = 0, unitFound = 0, cells = 0, pairs = 0;
    qsizetype reportBytes = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        // As the Coded Segments window asks: the first page and the count.
        found = analysis.page(query, 1000).total;
        retrieval << msSince(t);
        t.restart();
        unitFound = analysis.page(unitQuery, 1000).total;
        unitRetrieval << msSince(t);
        t.restart();
        cells = int(analysis.frequencies(AnalysisDimension::Month).size());
        matrix << msSince(t);
        t.restart();
        pairs = int(analysis.cooccurrence(CooccurrenceUnit::Paragraph).size());
        cooccurrence << msSince(t);
        if (r < 3) {
            t.restart();
            reportBytes = HtmlReport::build(*store).size();
            report << msSince(t);
        }
    }
    const auto [search, hits] = timeSearch(*store);
    const auto [library, rows] = timeLibrary(path);
    const double peakMb = MemoryProbe::peakResidentKb() < 0
                              ? -1
                              : MemoryProbe::measureChild(path, m_firstArticle);
    f.peakMb = peakMb;
    f.searchMs = median(search);
    f.libraryMs = median(library);
    f.retrievalMs = median(retrieval);
    f.unitRetrievalMs = median(unitRetrieval);
    f.matrixMs = median(matrix);
    f.cooccurrenceMs = median(cooccurrence);
    f.reportMs = median(report);

    std::fprintf(stderr,
                 "  %d articles: library %.0f ms, search %.1f ms, retrieval %.1f ms (in a "
                 "paragraph %.1f ms), matrix %.1f ms, "
                 "co-occurrence %.1f ms, "
                 "report %.0f ms, %.1f KB per article\n",
                 articles, f.libraryMs, f.searchMs, f.retrievalMs, f.unitRetrievalMs, f.matrixMs, f.cooccurrenceMs,
                 f.reportMs, f.bytesPerArticle / 1024);
    const auto add = [&](const QString &what, const QString &unit, double target,
                         const QList<double> &samples, const QString &note) {
        addRow(QStringLiteral("scale %1: %2").arg(articles).arg(what), unit, target, samples,
               note);
    };
    add(QStringLiteral("library of all articles shown and sorted"), QStringLiteral("ms"), 1000,
        library,
        QStringLiteral("main window opened on the project, %1 rows sorted by date and painted")
            .arg(rows));
    add(QStringLiteral("full-text search, top 100 with snippets"), QStringLiteral("ms"), 50, search,
        QStringLiteral("“%1”: %2 hits").arg(kSearch).arg(hits));
    if (peakMb >= 0) {
        add(QStringLiteral("peak memory of the GUI with the project open"), QStringLiteral("MB"),
            400, {peakMb},
            QStringLiteral("VmHWM of a fresh process: main window on the project, an article open"));
    }
    add(QStringLiteral("retrieval, two codes and a relation"), QStringLiteral("ms"), 300, retrieval,
        QStringLiteral("%1: %2 segments counted, first 1,000 loaded").arg(kQuery).arg(found));
    add(QStringLiteral("retrieval, two codes in a paragraph"), QStringLiteral("ms"), 300,
        unitRetrieval,
        QStringLiteral("%1: %2 segments counted, first 1,000 loaded")
            .arg(kUnitQuery)
            .arg(unitFound));
    add(QStringLiteral("code x month matrix"), QStringLiteral("ms"), 300, matrix,
        QStringLiteral("%1 cells").arg(cells));
    add(QStringLiteral("co-occurrence by paragraph"), QStringLiteral("ms"), 2000, cooccurrence,
        QStringLiteral("%1 pairs").arg(pairs));
    add(QStringLiteral("HTML report"), QStringLiteral("ms"), 10000, report,
        QStringLiteral("%1 KB of HTML").arg(reportBytes / 512));
    Measurement size(QStringLiteral("scale %1: project file per article").arg(articles),
                     QStringLiteral("KB"), 64, Measurement::Better::Lower);
    size.add(f.bytesPerArticle / 1024);
    size.setNote(QStringLiteral("%1 MB in all, ~%2 KB of text per article")
                     .arg(QFileInfo(path).size() >> 20)
                     .arg(kArticleBytes / 1024));
    m_context.report.add(size);
    if (!m_context.scaleServer.isEmpty())
        measureServer(articles, path);
    return f;
}

void ScaleMeasurements::measureServer(int articles, const QString &path)
{
    const QString url = m_context.scaleServer;
    int held = -1;
    try {
        held = int(ProjectSession::open(url)->articles().summaries().size());
    } catch (const ProjectError &) {
        // Empty (or not there): copied below, where a real problem is named.
    }
    if (held < 0) {
        std::fprintf(stderr, "  %d articles: copying the project to %s\n", articles, qPrintable(url));
        QElapsedTimer t;
        t.start();
        ProjectCopy::copy(path, url);
        std::fprintf(stderr, "  copied in %.1f s\n", double(t.elapsed()) / 1000);
    } else if (held != articles) {
        throw std::runtime_error(QStringLiteral("%1 holds a project of %2 articles, not %3")
                                     .arg(url)
                                     .arg(held)
                                     .arg(articles)
                                     .toStdString());
    }
    const auto [search, hits] = timeSearch(*ProjectSession::open(url));
    const auto [library, rows] = timeLibrary(url);
    std::fprintf(stderr, "  %d articles on PostgreSQL: library %.0f ms, search %.1f ms\n", articles,
                 median(library), median(search));
    const auto add = [&](const QString &what, double target, const QList<double> &samples,
                         const QString &note) {
        addRow(QStringLiteral("scale %1 on PostgreSQL: %2").arg(articles).arg(what),
               QStringLiteral("ms"), target, samples, note);
    };
    add(QStringLiteral("library of all articles over the socket"), 500, library,
        QStringLiteral("main window opened on %1, %2 rows sorted by date and painted")
            .arg(url)
            .arg(rows));
    add(QStringLiteral("full-text search, top 100 with snippets"), 50, search,
        QStringLiteral("“%1”: %2 hits (tsvector, GIN)").arg(kSearch).arg(hits));
}

ScaleMeasurements::Timed ScaleMeasurements::timeSearch(ProjectSession &store) const
{
    Timed timed;
    for (int r = 0; r < m_context.fastRuns(); ++r) {
        QElapsedTimer t;
        t.start();
        timed.count = int(store.articles().search(kSearch, 100).size());
        timed.ms << msSince(t);
    }
    return timed;
}

ScaleMeasurements::Timed ScaleMeasurements::timeLibrary(const QString &location) const
{
    // The library as the user meets it: the window opened on the project,
    // every article listed, then sorted by date (newest first) and painted.
    Timed timed;
    for (int r = 0; r < std::max(3, m_context.repeat); ++r) {
        QElapsedTimer t;
        t.start();
        auto window = GuiMeasurements::openWindow(location);
        QTableView *view = window->libraryPanel()->view();
        view->sortByColumn(LibraryModel::Published, Qt::DescendingOrder);
        GuiMeasurements::settle();
        timed.ms << msSince(t);
        timed.count = view->model()->rowCount();
    }
    return timed;
}

void ScaleMeasurements::addRow(const QString &name, const QString &unit, double target,
                               const QList<double> &samples, const QString &note)
{
    Measurement m(name, unit, target, Measurement::Better::Lower);
    for (double s : samples)
        m.add(s);
    m.setNote(note);
    m_context.report.add(m);
}

void ScaleMeasurements::run()
{
    QList<Figures> all;
    for (int size : std::as_const(m_sizes)) {
        std::fprintf(stderr, "framewise-bench: scale series, %d articles\n", size);
        all << measure(size);
        // Keep only the largest project on disk at a time (unless asked).
        if (!m_context.reuse)
            QFile::remove(
                QDir(m_context.workDir).filePath(QStringLiteral("scale-%1.framewise").arg(size)));
    }
    if (all.size() < 2)
        return;
    const Figures &a = all.first();
    const Figures &b = all.last();
    const double ratio = double(b.articles) / a.articles;
    m_context.report.addInfo(
        QStringLiteral("growth from %1 to %2 articles (×%3): library %9, search %10, retrieval "
                       "%4, matrix %5, co-occurrence %6, report %7, GUI memory %11, file per article ×%8")
            .arg(a.articles)
            .arg(b.articles)
            .arg(ratio, 0, 'f', 0)
            .arg(growth(a.retrievalMs, b.retrievalMs, ratio), growth(a.matrixMs, b.matrixMs, ratio),
                 growth(a.cooccurrenceMs, b.cooccurrenceMs, ratio),
                 growth(a.reportMs, b.reportMs, ratio))
            .arg(b.bytesPerArticle / a.bytesPerArticle, 0, 'f', 2)
            .arg(growth(a.libraryMs, b.libraryMs, ratio), growth(a.searchMs, b.searchMs, ratio))
            .arg(growth(a.peakMb, b.peakMb, ratio)));
}
