#include "ProjectMerge.h"

#include "base/ProjectError.h"
#include "store/PostgresLocation.h"
#include "store/ProjectSession.h"
#include "store/UnitOfWork.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>

namespace {
bool sameName(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

// Thrown out of the merge when the progress callback says stop; the unit
// of work then rolls back.
struct Cancelled
{
};

// The merge's steps as the progress callback sees them: one per kind of
// thing per source, with calls in between on long ones.
class Steps
{
public:
    static constexpr int perSource = 6;

    Steps(const ProjectMerge::Progress &progress, int sources)
        : m_progress(progress)
        , m_steps(sources * perSource)
    {
    }

    void begin(const QString &what)
    {
        m_what = what;
        report(m_begun++);
    }
    // Inside a step, every few hundred items: keeps a window responsive.
    void item(qsizetype index)
    {
        if (index % 250 == 249)
            report(m_begun - 1);
    }
    void finish()
    {
        m_what = QStringLiteral("saving");
        report(m_steps);
    }

private:
    void report(int done)
    {
        if (m_progress && !m_progress(done, m_steps, m_what))
            throw Cancelled();
    }

    const ProjectMerge::Progress &m_progress;
    int m_steps;
    int m_begun = 0;
    QString m_what;
};

// One source into the target; ids map the source's to the target's.
class SourceMerge
{
public:
    SourceMerge(ProjectSession &target, ProjectSession &source, const QString &name,
                ProjectMerge::Report &report, Steps &steps)
        : m_target(target)
        , m_source(source)
        , m_name(name)
        , m_report(report)
        , m_conflicts(report.conflicts)
        , m_steps(steps)
    {
    }

    void run()
    {
        // A file by its name, a server project by its database's.
        const QString file = PostgresLocation::isUrl(m_name)
            ? PostgresLocation::parse(m_name).database
            : QFileInfo(m_name).fileName();
        m_steps.begin(QStringLiteral("%1: categories").arg(file));
        categories();
        m_steps.begin(QStringLiteral("%1: codes").arg(file));
        codes();
        m_steps.begin(QStringLiteral("%1: articles").arg(file));
        articles();
        m_steps.begin(QStringLiteral("%1: actors").arg(file));
        actors();
        m_steps.begin(QStringLiteral("%1: annotations").arg(file));
        if (!m_conflicts.isEmpty())
            return; // no annotation may land on a guessed code
        annotations();
        m_steps.begin(QStringLiteral("%1: memos").arg(file));
        memos();
    }

private:
    void conflict(const QString &what)
    {
        m_conflicts.append(QStringLiteral("%1: %2").arg(m_name, what));
    }

    void categories()
    {
        const QList<Category> existing = m_target.codebook().categories();
        for (const Category &c : m_source.codebook().categories()) {
            auto byUuid = std::find_if(existing.begin(), existing.end(),
                                       [&](const Category &t) { return t.uuid == c.uuid; });
            if (byUuid != existing.end()) {
                if (!sameName(byUuid->name, c.name))
                    conflict(QStringLiteral("category \"%1\" is named \"%2\" in the target")
                                 .arg(c.name, byUuid->name));
                m_categories.insert(c.id, byUuid->id);
                continue;
            }
            if (const auto byName = m_target.codebook().categoryByName(c.name)) {
                m_categories.insert(c.id, byName->id);
                continue;
            }
            Category fresh = c;
            fresh.id = 0;
            m_categories.insert(c.id, m_target.codebook().addCategory(fresh));
            ++m_report.categoriesAdded;
        }
    }

    void codes()
    {
        // Parents before children.
        QList<Code> pending = m_source.codebook().codes();
        while (!pending.isEmpty()) {
            const qsizetype before = pending.size();
            for (qsizetype i = 0; i < pending.size();) {
                const Code c = pending[i];
                if (c.parentId && !m_codes.contains(c.parentId)) {
                    ++i;
                    continue;
                }
                pending.removeAt(i);
                code(c);
            }
            if (pending.size() == before) {
                conflict(
                    QStringLiteral("codes with a missing parent: %1").arg(pending.front().name));
                return;
            }
        }
    }

    void code(const Code &c)
    {
        if (const auto byUuid = m_target.codebook().codeByUuid(c.uuid)) {
            if (!sameName(byUuid->name, c.name))
                conflict(QStringLiteral("code \"%1\" is named \"%2\" in the target")
                             .arg(c.name, byUuid->name));
            m_codes.insert(c.id, byUuid->id);
            return;
        }
        if (const auto byName = m_target.codebook().codeByName(c.name)) {
            m_codes.insert(c.id, byName->id);
            return;
        }
        Code fresh = c;
        fresh.id = 0;
        fresh.categoryId = m_categories.value(c.categoryId);
        fresh.parentId = c.parentId ? m_codes.value(c.parentId) : 0;
        // A key the target already uses stays with the target's code.
        if (!fresh.shortcut.isEmpty()) {
            const QList<Code> all = m_target.codebook().codes();
            if (std::any_of(all.begin(), all.end(),
                            [&](const Code &t) { return t.shortcut == fresh.shortcut; }))
                fresh.shortcut.clear();
        }
        m_codes.insert(c.id, m_target.codebook().addCode(fresh));
        ++m_report.codesAdded;
    }

    void articles()
    {
        const QList<ArticleSummary> summaries = m_source.articles().summaries();
        for (qsizetype i = 0; i < summaries.size(); ++i) {
            m_steps.item(i);
            const ArticleSummary &s = summaries[i];
            const auto a = m_source.articles().get(s.id);
            if (!a)
                continue;
            if (const auto byUuid = m_target.articles().byUuid(a->uuid)) {
                if (byUuid->contentHash != a->contentHash)
                    conflict(QStringLiteral("article \"%1\" has a different text in the target")
                                 .arg(a->title));
                m_articles.insert(a->id, byUuid->id);
                continue;
            }
            Article fresh = *a;
            fresh.id = 0;
            const auto added
                = m_target.articles().add(fresh); // a duplicate by content hash matches
            if (added.status == ArticleRepository::AddResult::Status::Added)
                ++m_report.articlesAdded;
            m_articles.insert(a->id, added.id);
        }
    }

    void actors()
    {
        const QList<Actor> existing = m_target.actors().all();
        for (const Actor &a : m_source.actors().all()) {
            auto match = std::find_if(existing.begin(), existing.end(),
                                      [&](const Actor &t) { return t.uuid == a.uuid; });
            if (match == existing.end())
                match = std::find_if(existing.begin(), existing.end(),
                                     [&](const Actor &t) { return sameName(t.name, a.name); });
            if (match != existing.end()) {
                m_actors.insert(a.id, match->id);
                continue;
            }
            m_actors.insert(a.id, m_target.actors().add(a));
            ++m_report.actorsAdded;
        }
    }

    void annotations()
    {
        QList<NewAnnotation> fresh;
        const QList<Annotation> all = m_source.annotations().all();
        for (qsizetype i = 0; i < all.size(); ++i) {
            m_steps.item(i);
            const Annotation &a = all[i];
            if (const auto present = m_target.annotations().byUuid(a.uuid)) {
                if (present->articleId != m_articles.value(a.articleId) || present->start != a.start
                    || present->end != a.end)
                    conflict(QStringLiteral("annotation %1 (\"%2\") differs in the target")
                                 .arg(a.uuid, a.quote));
                else
                    ++m_report.annotationsPresent;
                m_annotations.insert(a.id, present->id);
                continue;
            }
            NewAnnotation n;
            n.articleId = m_articles.value(a.articleId);
            n.start = a.start;
            n.end = a.end;
            n.document = a.document;
            n.primary = a.primary;
            n.note = a.note;
            n.coderName = a.coderName;
            n.actorId = a.actorId ? m_actors.value(a.actorId) : 0;
            for (qint64 id : a.codeIds)
                n.codeIds.append(m_codes.value(id));
            n.uuid = a.uuid; // a second merge then finds it
            fresh.append(n);
            m_pending.append(a.id);
            if (!m_report.coders.contains(a.coderName))
                m_report.coders.append(a.coderName);
        }
        if (!m_conflicts.isEmpty() || fresh.isEmpty())
            return;
        const QList<qint64> ids = m_target.annotations().addMany(fresh);
        for (qsizetype i = 0; i < ids.size(); ++i)
            m_annotations.insert(m_pending[i], ids[i]);
        m_report.annotationsAdded += int(ids.size());
    }

    void memos()
    {
        QSet<QString> present;
        for (const Memo &m : m_target.memos().all())
            present.insert(m.uuid);
        for (const Memo &m : m_source.memos().all()) {
            if (present.contains(m.uuid))
                continue;
            Memo fresh = m;
            fresh.id = 0;
            switch (m.target) {
            case Memo::Target::Project:
                break;
            case Memo::Target::Article:
                fresh.targetId = m_articles.value(m.targetId);
                break;
            case Memo::Target::Code:
                fresh.targetId = m_codes.value(m.targetId);
                break;
            case Memo::Target::Annotation:
                fresh.targetId = m_annotations.value(m.targetId);
                break;
            case Memo::Target::Actor:
                fresh.targetId = m_actors.value(m.targetId);
                break;
            }
            if (m.target != Memo::Target::Project && !fresh.targetId)
                continue; // what it was about is not in the source any more
            const auto coder = m_source.coders().get(m.coderId);
            fresh.coderId = coder ? m_target.coders().ensure(coder->name) : 0;
            m_target.memos().add(fresh);
            ++m_report.memosAdded;
        }
    }

    ProjectSession &m_target;
    ProjectSession &m_source;
    QString m_name;
    ProjectMerge::Report &m_report;
    QStringList &m_conflicts;
    Steps &m_steps;
    QHash<qint64, qint64> m_categories, m_codes, m_articles, m_actors, m_annotations;
    QList<qint64> m_pending;
};

// Files are the same project when their canonical paths are; a server
// project (a postgresql:// URL, no file) when its location is.
bool sameProject(const QString &a, const QString &b)
{
    const QString fileA = QFileInfo(a).canonicalFilePath();
    const QString fileB = QFileInfo(b).canonicalFilePath();
    return fileA.isEmpty() || fileB.isEmpty() ? a == b : fileA == fileB;
}

} // namespace

ProjectMerge::Report ProjectMerge::merge(ProjectSession &target, const QStringList &sources)
{
    const Report report = tryMerge(target, sources);
    if (!report.conflicts.isEmpty())
        throw ProjectError(QStringLiteral("merge refused, nothing changed; %1 conflict(s):\n  %2")
                               .arg(report.conflicts.size())
                               .arg(report.conflicts.join(QStringLiteral("\n  "))));
    return report;
}

ProjectMerge::Report ProjectMerge::tryMerge(ProjectSession &target, const QStringList &sources,
                                            const Progress &progress)
{
    Report report;
    Steps steps(progress, int(sources.size()));
    UnitOfWork unit(target.database());
    try {
        for (const QString &path : sources) {
            if (sameProject(path, target.path()))
                throw ProjectError(
                    QStringLiteral("%1: a project cannot be merged into itself").arg(path));
            auto source = ProjectSession::open(path);
            SourceMerge(target, *source, path, report, steps).run();
        }
        if (!report.conflicts.isEmpty()) {
            // The unit rolls back: nothing was added after all.
            Report refused;
            refused.conflicts = report.conflicts;
            return refused;
        }
        steps.finish();
    } catch (const Cancelled &) {
        Report cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    unit.commit();
    return report;
}
