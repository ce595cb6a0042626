#pragma once

#include "domain/LexiconTerm.h"

#include <QSqlDatabase>

// The SQL of the reading-lens lexicons (table lexicon_terms), for
// ProjectStore, which owns the transactions and tells the UI what changed.
class LexiconTable
{
public:
    explicit LexiconTable(const QSqlDatabase &db);

    // Every term, ordered by language, cue and term.
    QList<LexiconTerm> load() const;
    int count() const;
    // Inserts terms; ones already present are skipped.
    void insert(const QList<LexiconTerm> &terms);
    // Makes the list for one cue and language exactly `terms`.
    void replace(const QString &cue, const QString &language, const QStringList &terms);

private:
    QSqlDatabase m_db;
};
