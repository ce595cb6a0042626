#pragma once

#include <QStringList>

#include <functional>

class ProjectSession;

// Brings other coders' copies of a project into one: categories, codes,
// articles, coders, actors, annotations and memos. Things are matched by
// UUID first, then articles by content hash and categories, codes and
// actors by name (ignoring case); what is missing is added with its UUID,
// so merging the same source again adds nothing. A UUID that names
// different things on the two sides (a code renamed in one copy, an
// annotation moved) is a conflict: the merge reports every conflict and
// changes nothing. All sources merge in one unit of work.
class ProjectMerge
{
public:
    struct Report
    {
        int categoriesAdded = 0;
        int codesAdded = 0;
        int articlesAdded = 0;
        int actorsAdded = 0;
        int annotationsAdded = 0;
        int annotationsPresent = 0; // already in the target
        int memosAdded = 0;
        QStringList coders; // coders whose annotations were added
        // Each conflict, naming its source; if any, nothing was changed.
        QStringList conflicts;
        bool cancelled = false; // by the progress callback; nothing changed
    };

    // Called between the steps of the merge (each kind of thing from each
    // source, and every few hundred articles or annotations); `step` of
    // `steps` done, `what` names the current step. Returning false cancels
    // the merge, which then changes nothing.
    using Progress = std::function<bool(int step, int steps, const QString &what)>;

    // Throws ProjectError (nothing changed) on a conflict or an unreadable
    // source; the message lists every conflict.
    static Report merge(ProjectSession &target, const QStringList &sources);
    // The same, but conflicts and a cancel come back in the report (nothing
    // changed then); an unreadable source still throws ProjectError.
    static Report tryMerge(ProjectSession &target, const QStringList &sources,
                           const Progress &progress = {});
};
