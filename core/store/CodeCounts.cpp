#include "CodeCounts.h"

#include <QStringList>

CodeCounts::Hold::Hold(CodeCounts &counts)
    : m_counts(counts)
{
    m_counts.setHeld(true);
}

CodeCounts::Hold::~Hold()
{
    // On an exception the unit of work rolls back, taking the hold with it;
    // this only keeps a half-done hold from outliving a caught error.
    if (m_held) {
        try {
            m_counts.setHeld(false);
        } catch (...) {
        }
    }
}

void CodeCounts::Hold::recount(const QList<qint64> &codeIds)
{
    m_counts.setHeld(false);
    m_held = false;
    m_counts.recount(codeIds);
}

void CodeCounts::setHeld(bool held)
{
    SqlQuery(sql(), held ? QStringLiteral("INSERT INTO code_counts_held(held) VALUES (1)")
                         : QStringLiteral("DELETE FROM code_counts_held"))
        .exec();
}

void CodeCounts::recount(const QList<qint64> &codeIds)
{
    if (codeIds.isEmpty())
        return;
    // The triggers on code_articles keep code_days; with them working again,
    // deleting and re-inserting these codes' rows settles both tables.
    SqlQuery(sql(), QStringLiteral("DELETE FROM code_articles WHERE code_id IN %1").arg(idsIn()))
        .bind(idList(codeIds))
        .exec();
    SqlQuery(
        sql(),
        QStringLiteral(
            R"(INSERT INTO code_articles(code_id, article_id, day, outlet, segments, characters)
        SELECT ac.code_id, an.article_id, substr(ar.published, 1, 10), ar.outlet, count(*),
               sum(an."end" - an.start)
        FROM annotation_codes ac JOIN annotations an ON an.id = ac.annotation_id
        JOIN articles ar ON ar.id = an.article_id
        WHERE ac.code_id IN %1 GROUP BY ac.code_id, an.article_id, ar.published, ar.outlet)")
            .arg(idsIn()))
        .bind(idList(codeIds))
        .exec();
}
