#pragma once

#include "domain/LexiconTerm.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// Turns a project's lexicons into KSyntaxHighlighting syntax definitions
// (Kate XML), two per language: one for quotations (contexts between quote
// marks) and one for the word cues (keyword lists for plain words, regular
// expressions for phrases and stems). Two, because a hedge inside a
// quotation is still a hedge: each definition runs over the text on its own.
//
// Every item's name is a LensCue id, so a highlighter maps formats back to
// cues; its default style picks the theme colour.
class LensDefinitionWriter
{
public:
    // A scope makes the names unique to one user of a shared repository,
    // where a definition loaded first shadows later ones of the same name.
    static QString quotesName(const QString &language, const QString &scope = {});
    static QString wordsName(const QString &language, const QString &scope = {});

    static QByteArray quotesDefinition(const QString &language, const QStringList &pairs,
                                       const QString &scope = {});
    static QByteArray wordsDefinition(const QString &language, const QList<LexiconTerm> &terms,
                                      const QString &scope = {});

    // Writes both definitions of every language in `terms` to
    // folder/syntax/, the layout Repository::addCustomSearchPath expects,
    // removing those of languages no longer present. Returns the languages;
    // throws ProjectError if the folder cannot be written.
    static QStringList writeAll(const QString &folder, const QList<LexiconTerm> &terms,
                                const QString &scope = {});
};
