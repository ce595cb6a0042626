#pragma once

#include "Repository.h"
#include "domain/LexiconTerm.h"

// The reading lens's lexicons: words and phrases per cue and language.
class LexiconRepository : public Repository
{
public:
    explicit LexiconRepository(Database &db);

    // Every term, ordered by language, cue and term.
    QList<LexiconTerm> terms() const;
    QStringList terms(const QString &cue, const QString &language) const;
    // Stores the starter lexicons if the project has none; true if it did.
    bool seed(const QList<LexiconTerm> &terms);
    // Makes the word list of one cue and language exactly `terms` (trimmed,
    // blanks dropped) and returns the list it replaced, for undo.
    QStringList setTerms(const QString &cue, const QString &language, const QStringList &terms);

private:
    void insert(const QList<LexiconTerm> &terms, ChangeSet &changes);
};
