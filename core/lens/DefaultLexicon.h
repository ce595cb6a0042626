#pragma once

#include "domain/LexiconTerm.h"

#include <QList>

// The starter lexicons shipped in resources/lens/ (English, Russian,
// Korean), seeded into a project the first time the lens is used there.
class DefaultLexicon
{
public:
    static QList<LexiconTerm> terms();
    // Parses one lexicon file; throws ProjectError on a malformed file.
    static QList<LexiconTerm> parse(const QByteArray &json, const QString &fileName);
};
