#include "AgreementMeasurements.h"

#include "BenchContext.h"
#include "Random.h"
#include "import/ArticleImporter.h"
#include "reliability/ProjectAgreement.h"
#include "store/ProjectSession.h"
#include "store/UnitOfWork.h"
#include "text/TextOffsets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>
#include <stdexcept>

namespace {
constexpr int kCoders = 4;
constexpr int kCodes = 15;
constexpr int kPerCoderAndArticle = 5;
} // namespace

AgreementMeasurements::AgreementMeasurements(BenchContext &context)
    : m_context(context)
{
}

// A project of its own: the first articles of the corpus, coded by four
// simulated coders who each find an article's five "true" passages with
// probability 0.8 (ends shifted by up to 3 characters) and otherwise mark
// a random passage with a random code.
QString AgreementMeasurements::build()
{
    const QString path = QDir(m_context.workDir).filePath(QStringLiteral("agreement.framewise"));
    QFile::remove(path);
    auto store = ProjectSession::open(path, ProjectSession::OpenMode::CreateIfMissing);
    const int articles = qMin<int>(1000, int(m_context.corpusFiles.size()));
    const auto outcomes
        = ArticleImporter(*store).importPaths(m_context.corpusFiles.mid(0, articles));
    QList<qint64> ids;
    for (const auto &o : outcomes)
        if (o.status == ImportOutcome::Status::Imported)
            ids.append(o.articleId);
    if (ids.isEmpty())
        throw std::runtime_error("agreement bench: no article imported");
    QList<qint64> codes;
    for (int c = 0; c < kCodes; ++c)
        codes.append(store->codebook().ensureCode(QStringLiteral("Code %1").arg(c + 1)).id);
    QStringList coders;
    for (int c = 0; c < kCoders; ++c)
        coders.append(QStringLiteral("coder%1").arg(c + 1));

    Random random(m_context.seed ^ 0xA9EE);
    QList<NewAnnotation> list;
    for (qint64 id : ids) {
        const qint64 length = TextOffsets::codePointLength(store->articles().get(id)->text);
        if (length < 40)
            continue;
        struct Passage
        {
            qint64 start, end, code;
        };
        const auto randomPassage = [&] {
            const qint64 start = random.below(length - 30);
            return Passage {start, start + random.between(5, 29), codes[int(random.below(kCodes))]};
        };
        QList<Passage> truth;
        for (int k = 0; k < kPerCoderAndArticle; ++k)
            truth.append(randomPassage());
        for (const QString &coder : coders) {
            for (const Passage &t : truth) {
                Passage p = t;
                if (random.chance(0.8)) {
                    p.start = qMax<qint64>(0, p.start + random.between(-3, 3));
                    p.end = qMin(length, qMax(p.start + 1, p.end + random.between(-3, 3)));
                } else {
                    p = randomPassage();
                }
                NewAnnotation n;
                n.articleId = id;
                n.start = p.start;
                n.end = p.end;
                n.codeIds = {p.code};
                n.coderName = coder;
                list.append(n);
            }
        }
    }
    UnitOfWork unit(store->database());
    store->annotations().addMany(list);
    unit.commit();
    std::fprintf(stderr,
                 "  agreement project: %lld articles, %d annotations, %d coders, %d codes\n",
                 qlonglong(ids.size()), store->annotations().count(), kCoders, kCodes);
    return path;
}

void AgreementMeasurements::run()
{
    const QString path = build();
    for (int replicates : {0, 1000}) {
        Measurement m(replicates
                          ? QStringLiteral("agreement, all measures, 1000 bootstrap replicates")
                          : QStringLiteral("agreement, all measures, no bootstrap"),
                      QStringLiteral("ms"), replicates ? 2000 : 200, Measurement::Better::Lower);
        int rows = 0, annotations = 0;
        for (int run = 0; run < m_context.repeat; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto store = ProjectSession::open(path);
            const ProjectAgreement agreement(*store, path);
            AgreementRequest request;
            request.measures = AgreementMeasures::all();
            request.options.bootstrap = replicates;
            request.options.seed = 1;
            rows = int(agreement.run(request).size());
            m.add(double(timer.nsecsElapsed()) / 1e6);
            annotations = store->annotations().count();
        }
        m.setNote(QStringLiteral(
                      "%1 annotations, %2 coders, %3 codes; %4 figures (11 measures per code on "
                      "article units, alpha_U on the span continuum), from opening the project")
                      .arg(annotations)
                      .arg(kCoders)
                      .arg(kCodes)
                      .arg(rows));
        m_context.report.add(m);
    }
}
