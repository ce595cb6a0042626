#include "LexiconTable.h"

#include "SqlQuery.h"

LexiconTable::LexiconTable(const QSqlDatabase &db)
    : m_db(db)
{
}

QList<LexiconTerm> LexiconTable::load() const
{
    SqlQuery q(m_db, QStringLiteral(
                         "SELECT cue, language, term FROM lexicon_terms ORDER BY language, cue, term"));
    q.exec();
    QList<LexiconTerm> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

int LexiconTable::count() const
{
    return SqlQuery::scalar(m_db, QStringLiteral("SELECT count(*) FROM lexicon_terms")).toInt();
}

void LexiconTable::insert(const QList<LexiconTerm> &terms)
{
    SqlQuery q(m_db, QStringLiteral("INSERT INTO lexicon_terms(cue, language, term) VALUES (?,?,?) "
                                    "ON CONFLICT DO NOTHING"));
    for (const LexiconTerm &t : terms) {
        const QString term = t.term.trimmed();
        if (!term.isEmpty())
            q.bind(t.cue).bind(t.language).bind(term).exec();
    }
}

void LexiconTable::replace(const QString &cue, const QString &language, const QStringList &terms)
{
    SqlQuery(m_db, QStringLiteral("DELETE FROM lexicon_terms WHERE cue = ? AND language = ?"))
        .bind(cue)
        .bind(language)
        .exec();
    QList<LexiconTerm> list;
    for (const QString &term : terms)
        list.append({cue, language, term});
    insert(list);
}
