#include "LexiconRepository.h"

namespace {
using Aggregate = ChangeSet::Aggregate;

const QString kSelect = QStringLiteral(
    "SELECT cue, language, term FROM lexicon_terms ORDER BY language, cue, term");
const QString kSelectList = QStringLiteral(
    "SELECT id, term FROM lexicon_terms WHERE cue = ? AND language = ? ORDER BY term");
const QString kCount = QStringLiteral("SELECT count(*) FROM lexicon_terms");
const QString kInsert = QStringLiteral(
    "INSERT INTO lexicon_terms(cue, language, term) VALUES (?,?,?) ON CONFLICT DO NOTHING");
const QString kDelete = QStringLiteral("DELETE FROM lexicon_terms WHERE id = ?");
} // namespace

LexiconRepository::LexiconRepository(Database &db)
    : Repository(db)
{
}

QList<LexiconTerm> LexiconRepository::terms() const
{
    SqlQuery q(sql(), kSelect);
    q.exec();
    QList<LexiconTerm> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

QStringList LexiconRepository::terms(const QString &cue, const QString &language) const
{
    SqlQuery q(sql(), kSelectList);
    q.bind(cue).bind(language).exec();
    QStringList list;
    while (q.next())
        list.append(q.value(1).toString());
    return list;
}

void LexiconRepository::insert(const QList<LexiconTerm> &terms, ChangeSet &changes)
{
    SqlQuery q(sql(), returningId(kInsert));
    for (const LexiconTerm &t : terms) {
        const QString term = t.term.trimmed();
        if (term.isEmpty())
            continue;
        q.bind(t.cue).bind(t.language).bind(term).exec();
        if (q.next())
            changes.add(Aggregate::LexiconTerm, q.value(0).toLongLong());
    }
}

bool LexiconRepository::seed(const QList<LexiconTerm> &terms)
{
    if (m_db.isReadOnly() || SqlQuery::scalar(sql(), kCount).toInt() > 0)
        return false;
    write([&](ChangeSet &changes) { insert(terms, changes); });
    return true;
}

QStringList LexiconRepository::setTerms(const QString &cue, const QString &language,
                                        const QStringList &terms)
{
    return write([&](ChangeSet &changes) {
        SqlQuery old(sql(), kSelectList);
        old.bind(cue).bind(language).exec();
        QStringList before;
        SqlQuery remove(sql(), kDelete);
        QList<qint64> ids;
        while (old.next()) {
            ids.append(old.value(0).toLongLong());
            before.append(old.value(1).toString());
        }
        for (qint64 id : std::as_const(ids)) {
            remove.bind(id).exec();
            changes.remove(Aggregate::LexiconTerm, id);
        }
        QList<LexiconTerm> list;
        for (const QString &term : terms)
            list.append({cue, language, term});
        insert(list, changes);
        return before;
    });
}
