#pragma once

#include "reader/BlockDecorator.h"
#include "lens/LensCue.h"

#include <QSet>

class LensEngine;
class ReaderView;

// The lens in the reader: asks the engine for the cues of each block the
// reader paints. Quotations get the theme's colour as text colour, word
// cues a dotted underline in theirs, so annotation washes stay visible
// behind both.
class LensDecorator final : public BlockDecorator
{
public:
    LensDecorator(LensEngine &engine, const ReaderView &reader);

    void setCues(const QSet<LensCue> &cues) { m_cues = cues; }
    // The lexicon language of the article in the reader.
    QString language();
    void invalidate() { m_articleId = -1; }

    QList<QTextLayout::FormatRange> decorate(const QTextBlock &block) override;

private:
    LensEngine &m_engine;
    const ReaderView &m_reader;
    QSet<LensCue> m_cues;
    qint64 m_articleId = -1;
    QString m_language;
};
