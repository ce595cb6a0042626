#include "ProjectBuilder.h"

#include "AnnotationPlanner.h"
#include "BenchContext.h"
#include "import/ArticleImporter.h"
#include "store/ProjectSession.h"
#include "store/SearchIndexer.h"

#include <QElapsedTimer>

#include <cstdio>
#include <stdexcept>

namespace {
struct CategorySpec
{
    const char *name;
    Category::Kind kind;
    const char *colour;
    QList<const char *> codes;
};

// 8 + 7 + 8 + 7 = 30 codes.
const QList<CategorySpec> &codebook()
{
    static const QList<CategorySpec> list = {
        {"Claim", Category::Kind::Claim, "#4363d8",
         {"Factual claim", "Causal claim", "Prediction", "Statistic", "Accusation", "Denial", "Promise",
          "Threat"}},
        {"Actor", Category::Kind::Actor, "#3cb44b",
         {"Government", "Opposition", "Military", "Expert", "Civil society", "Business",
          "International body"}},
        {"Frame", Category::Kind::Frame, "#f58231",
         {"Conflict", "Economic consequences", "Human interest", "Responsibility", "Morality", "Security",
          "Sovereignty", "Public health"}},
        {"Technique", Category::Kind::Technique, "#911eb4",
         {"Loaded language", "Appeal to fear", "Name calling", "Whataboutism", "Exaggeration",
          "Flag-waving", "Casting doubt"}},
    };
    return list;
}

constexpr int kBatch = 20000;
} // namespace

ProjectBuilder::ProjectBuilder(BenchContext &context)
    : m_context(context)
{
}

void ProjectBuilder::run()
{
    QElapsedTimer timer;
    timer.start();
    auto store = ProjectSession::open(m_context.projectPath);
    for (const ArticleSummary &a : store->articles().summaries())
        m_context.articleIds << a.id;
    const auto big = ArticleImporter(*store).importPaths({m_context.bigArticleFile});
    if (big.size() != 1 || big.constFirst().status != ImportOutcome::Status::Imported)
        throw std::runtime_error("the big article was not imported: "
                                 + (big.isEmpty() ? std::string() : big.constFirst().message.toStdString()));
    m_context.bigArticleId = big.constFirst().articleId;
    SearchIndexer::catchUp(*store);
    // An ordinary article from the middle of the library.
    m_context.heavyArticleId = m_context.articleIds[m_context.articleIds.size() / 2];

    addCodebook(*store);
    m_context.coderNames = {QStringLiteral("amira"), QStringLiteral("jonas"), QStringLiteral("mei")};
    m_context.coderNames = m_context.coderNames.mid(0, m_context.spec.coders);
    for (const QString &name : std::as_const(m_context.coderNames))
        store->coders().ensure(name);
    store->coders().setCurrent(m_context.coderNames.constFirst());
    addAnnotations(*store);
    std::fprintf(stderr, "  project built: %lld articles, %d codes, %d annotations in %.1f s\n",
                 qlonglong(m_context.articleIds.size() + 1), int(m_context.codeIds.size()),
                 store->annotations().count(), double(timer.elapsed()) / 1000);
}

void ProjectBuilder::addCodebook(ProjectSession &store)
{
    int position = 0;
    for (const CategorySpec &spec : codebook()) {
        Category c;
        c.name = QString::fromUtf8(spec.name);
        c.kind = spec.kind;
        c.colour = QString::fromUtf8(spec.colour);
        c.position = position++;
        const qint64 categoryId = store.codebook().addCategory(c);
        int codePosition = 0;
        for (const char *name : spec.codes) {
            Code code;
            code.categoryId = categoryId;
            code.name = QString::fromUtf8(name);
            code.position = codePosition++;
            if (position == 1 && codePosition <= 9)
                code.shortcut = QString::number(codePosition);
            m_context.codeIds << store.codebook().addCode(code);
        }
    }
    m_context.codeIds = m_context.codeIds.mid(0, m_context.spec.codes);
}

void ProjectBuilder::addAnnotations(ProjectSession &store)
{
    const CorpusSpec &spec = m_context.spec;
    AnnotationPlanner planner(m_context.codeIds, m_context.coderNames, m_context.seed + 1);
    QList<NewAnnotation> batch;
    auto flush = [&](bool force) {
        if (batch.size() >= kBatch || (force && !batch.isEmpty())) {
            store.annotations().addMany(batch);
            batch.clear();
        }
    };
    auto plan = [&](qint64 id, int count) {
        const auto article = store.articles().get(id);
        if (!article)
            throw std::runtime_error("an imported article went missing");
        batch << planner.plan(id, article->text, count);
        flush(false);
    };
    plan(m_context.heavyArticleId, spec.heavyArticleAnnotations);
    plan(m_context.bigArticleId, spec.bigArticleAnnotations);
    // The rest spread evenly over the other ordinary articles.
    const qsizetype others = m_context.articleIds.size() - 1;
    const int rest = spec.annotations - spec.heavyArticleAnnotations - spec.bigArticleAnnotations;
    qsizetype k = 0;
    for (qint64 id : std::as_const(m_context.articleIds)) {
        if (id == m_context.heavyArticleId)
            continue;
        const int count = int(rest / others + (k < rest % others ? 1 : 0));
        ++k;
        if (count > 0)
            plan(id, count);
    }
    flush(true);
}
