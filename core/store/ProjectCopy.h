#pragma once

#include <QList>
#include <QString>
#include <functional>

// Copies a whole project into a new one: a file to a PostgreSQL database and
// back, file to file, server to server. Every row keeps its id and UUID, so
// links, exports and later merges see the same project.
//
// Generic over the schema: every table both sides have, each after the
// tables it refers to, with the columns both sides have (asked of each
// side's catalogue), so a column or table a later version adds is copied
// without a change here. What a project derives from its data is rebuilt in
// the copy rather than copied: the full-text index (indexed before the copy
// commits), the counts triggers keep (by the copy's triggers as the rows
// arrive; the code counts in one pass after the last link, as CodeCounts
// does for a codebook edit), and the sentences and paragraphs analysis cuts
// when it first needs them. Server roles and grants (TeamAdmin) are not project
// data and are not copied.
//
// The destination must be new: a file that does not exist, or an empty
// server database. It is written in one transaction with its schema, so a
// failure leaves nothing there claiming to be a project. The source is only
// read, as one consistent snapshot. A project file older than this version
// is upgraded in a temporary copy and read from there; a server project
// that old is refused (opening it once upgrades it). A team project read by
// a coder who sees only part of it (blind coding) is refused too.
class ProjectCopy
{
public:
    struct Table
    {
        QString name;
        qint64 rows = 0;
    };
    struct Report
    {
        QList<Table> tables; // copied, in the order they were written
        int sourceVersion = 0; // older than this build's: read from an upgraded copy
        qint64 rows(const QString &table) const;
        // "5 articles, 12 annotations, 9 codes in 3 categories, …
        // (310 rows in all)": what a user would count.
        QString summary() const;
    };
    // What is being done ("copying", "indexing for search", then, on a
    // server, "updating the server's statistics") and how far. To stop the
    // copy, it throws: during the first two stages the copy's transaction
    // rolls back, and the destination is left as it was (no file; an empty
    // database); the last comes after the copy has committed.
    using Progress = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    // Throws ProjectError naming the source or destination and the problem.
    static Report copy(const QString &source, const QString &destination,
                       const Progress &progress = {});
};
