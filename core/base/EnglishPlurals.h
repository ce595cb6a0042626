#pragma once

#include <QTranslator>

// English without a .qm file: tr("%n article(s)", nullptr, n) reads
// "1 article" and "2 articles". Qt's numerus forms need a translation, and
// the source language is English, so this small translator supplies them.
class EnglishPlurals final : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};
