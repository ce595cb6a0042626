#include "BenchRunner.h"

#include "BenchContext.h"
#include "AgreementMeasurements.h"
#include "CodebookMeasurements.h"
#include "ExchangeMeasurements.h"
#include "CorpusGenerator.h"
#include "GuiMeasurements.h"
#include "ImportMeasurements.h"
#include "IndexerMeasurements.h"
#include "MemoryProbe.h"
#include "ProjectBuilder.h"
#include "ScaleMeasurements.h"
#include "SentencePool.h"
#include "StoreMeasurements.h"
#include "TeamMeasurements.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>
#include <stdexcept>

namespace {
void stage(const char *what)
{
    std::fprintf(stderr, "framewise-bench: %s\n", what);
}
} // namespace

BenchRunner::BenchRunner(BenchOptions options, QString sourceDir, QString sharedDir)
    : m_options(std::move(options))
    , m_sourceDir(std::move(sourceDir))
    , m_sharedDir(std::move(sharedDir))
{
}

int BenchRunner::run()
{
    BenchContext context;
    context.spec = m_options.quick ? CorpusSpec::quick() : CorpusSpec::full();
    context.repeat = m_options.repeat ? m_options.repeat : (m_options.quick ? 1 : 3);
    context.sourceDir = m_sourceDir;
    context.sharedDir = m_sharedDir;

    if (!m_options.teamUrl.isEmpty()) {
        QElapsedTimer total;
        total.start();
        const bool whole = TeamMeasurements(context, m_options).run();
        const int result = finish(context, total);
        if (!whole) {
            stage("team: an annotation was lost or duplicated, or a coder missed a commit");
            return 1;
        }
        return result;
    }

    std::optional<QTemporaryDir> temporary;
    if (m_options.workDir.isEmpty()) {
        temporary.emplace(QDir::temp().filePath(QStringLiteral("framewise-bench-XXXXXX")));
        if (!temporary->isValid())
            throw std::runtime_error("cannot create a temporary folder: " + temporary->errorString().toStdString());
        context.workDir = temporary->path();
    } else {
        context.workDir = QDir(m_options.workDir).absolutePath();
        // Stale projects would skew the import; --reuse keeps the scale ones.
        context.reuse = m_options.reuse;
        if (!context.reuse)
            QDir(context.workDir).removeRecursively();
        if (!QDir().mkpath(context.workDir))
            throw std::runtime_error("cannot create " + context.workDir.toStdString());
    }

    QElapsedTimer total;
    total.start();
    const SentencePool pool = SentencePool::load(context.sourceDir, context.sharedDir);
    if (m_options.scale) {
        context.scaleServer = m_options.scaleServer;
        ScaleMeasurements(context, pool,
                          !m_options.scaleSizes.isEmpty() ? m_options.scaleSizes
                              : m_options.quick           ? ScaleMeasurements::quickSeries()
                                                          : ScaleMeasurements::fullSeries())
            .run();
        return finish(context, total);
    }
    stage("generating the corpus");
    CorpusGenerator generator(pool, context.seed);
    const QDir work(context.workDir);
    context.corpusDir = work.filePath(QStringLiteral("corpus"));
    context.corpusFiles = generator.writeArticles(context.corpusDir, context.spec.articles,
                                                  context.spec.articleBytes);
    QDir().mkpath(work.filePath(QStringLiteral("big")));
    context.bigArticleFile =
        generator.writeArticle(work.filePath(QStringLiteral("big/big-article.txt")), context.spec.bigArticleBytes);
    context.report.addInfo(QStringLiteral("corpus: %1 articles of ~%2 KB + one of %3 KB, %4 codes, %5 coders, "
                                          "%6 annotations; %7 sentences from %8; seed %9")
                               .arg(context.spec.articles)
                               .arg(context.spec.articleBytes / 1024)
                               .arg(context.spec.bigArticleBytes / 1024)
                               .arg(context.spec.codes)
                               .arg(context.spec.coders)
                               .arg(context.spec.annotations)
                               .arg(pool.sentences().size())
                               .arg(pool.describeSources())
                               .arg(context.seed));

    if (m_options.only == QLatin1String("agreement")) {
        stage("measuring inter-coder agreement");
        AgreementMeasurements(context).run();
    } else if (m_options.only == QLatin1String("codebook")) {
        stage("importing");
        ImportMeasurements(context).run();
        stage("building the coded project");
        ProjectBuilder(context).run();
        stage("measuring codebook edits across the corpus");
        CodebookMeasurements(context).run();
    } else {
        stage("importing");
        ImportMeasurements(context).run();
        stage("building the coded project");
        ProjectBuilder(context).run();
        stage("measuring the store");
        StoreMeasurements(context).run();
        stage("measuring commits while the search index is built");
        IndexerMeasurements(context).run();
        stage("measuring the GUI");
        GuiMeasurements(context).run();
        stage("measuring codebook edits across the corpus");
        CodebookMeasurements(context).run();
        stage("exchange formats (SemEval PTC)");
        ExchangeMeasurements(context).run();
        stage("measuring inter-coder agreement");
        AgreementMeasurements(context).run();
        stage("measuring peak memory");
        MemoryProbe(context).run();
    }

    context.report.addInfo(QStringLiteral("%1 run(s) of the slow measurements, %2 of the GUI ones, %3 of "
                                          "the millisecond ones")
                               .arg(context.repeat)
                               .arg(context.guiRuns())
                               .arg(context.fastRuns()));
    return finish(context, total);
}

int BenchRunner::finish(BenchContext &context, const QElapsedTimer &total)
{
    context.report.addInfo(QStringLiteral("whole run %1 s").arg(total.elapsed() / 1000));
    std::fputs(context.report.table().toUtf8().constData(), stdout);
    std::fflush(stdout);
    if (!m_options.jsonPath.isEmpty())
        context.report.writeJson(m_options.jsonPath);
    const int missed = context.report.failures();
    std::fprintf(stderr, "framewise-bench: %d of %d targets missed%s\n", missed,
                 int(context.report.measurements().size()),
                 m_options.quick ? " (quick run: tiny corpus, targets not meaningful)" : "");
    return 0;
}
