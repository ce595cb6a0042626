#include "StoreMeasurements.h"

#include "AnnotationPlanner.h"
#include "BenchContext.h"
#include "store/ProjectSession.h"

#include <QElapsedTimer>

#include <stdexcept>

namespace {
// Common words of the corpus: many matches to rank and cut snippets from.
const QString kQuery = QStringLiteral("government minister");

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

StoreMeasurements::StoreMeasurements(BenchContext &context)
    : m_context(context)
{
}

void StoreMeasurements::run()
{
    auto store = ProjectSession::open(m_context.projectPath);
    store->coders().setCurrent(m_context.coderNames.constFirst());
    createAnnotation(*store);
    search(*store);
    segmentsOfCode(*store);
}

void StoreMeasurements::createAnnotation(ProjectSession &store)
{
    Measurement m(QStringLiteral("create one annotation and commit"), QStringLiteral("ms"), 2.0,
                  Measurement::Better::Lower);
    AnnotationPlanner planner(m_context.codeIds, m_context.coderNames, m_context.seed + 2);
    Random pick(m_context.seed + 3);
    QList<qint64> created;
    for (int r = 0; r < m_context.fastRuns(); ++r) {
        const qint64 articleId = m_context.articleIds[pick.below(m_context.articleIds.size())];
        const auto article = store.articles().get(articleId);
        const NewAnnotation n = planner.plan(articleId, article->text, 1).constFirst();
        QElapsedTimer timer;
        timer.start();
        const Annotation a = store.annotations().add(n);
        m.add(msSince(timer));
        created << a.id;
    }
    // Leave the corpus as specified for the measurements after this one.
    for (qint64 id : std::as_const(created))
        store.annotations().remove(id);
    m.setNote(QStringLiteral("ProjectSession::addAnnotation on a random article, %1 runs").arg(m.count()));
    m_context.report.add(m);
}

void StoreMeasurements::search(ProjectSession &store)
{
    Measurement m(QStringLiteral("full-text search, top 100 with snippets"), QStringLiteral("ms"), 20.0,
                  Measurement::Better::Lower);
    qsizetype hits = 0;
    for (int r = 0; r < m_context.fastRuns(); ++r) {
        QElapsedTimer timer;
        timer.start();
        const auto result = store.articles().search(kQuery, 100);
        m.add(msSince(timer));
        hits = result.size();
    }
    m.setNote(QStringLiteral("ProjectSession::search(“%1”): %2 hits").arg(kQuery).arg(hits));
    m_context.report.add(m);
}

void StoreMeasurements::segmentsOfCode(ProjectSession &store)
{
    Measurement m(QStringLiteral("all segments of one code, with quotes"), QStringLiteral("ms"), 50.0,
                  Measurement::Better::Lower);
    const qint64 codeId = m_context.codeIds.constFirst();
    qsizetype count = 0;
    for (int r = 0; r < m_context.fastRuns(); ++r) {
        QElapsedTimer timer;
        timer.start();
        const QList<Annotation> list = store.annotations().forCode(codeId);
        m.add(msSince(timer));
        count = list.size();
        if (count && list.constFirst().quote.isEmpty())
            throw std::runtime_error("annotationsForCode returned a segment without its quote");
    }
    m.setNote(QStringLiteral("ProjectSession::annotationsForCode: %1 segments").arg(count));
    m_context.report.add(m);
}
