#include "lens/LensDecorator.h"

#include "lens/LensEngine.h"
#include "reader/ReaderView.h"
#include "lens/LanguageGuess.h"

LensDecorator::LensDecorator(LensEngine &engine, const ReaderView &reader)
    : m_engine(engine)
    , m_reader(reader)
{
}

QString LensDecorator::language()
{
    if (m_articleId != m_reader.articleId()) {
        m_articleId = m_reader.articleId();
        m_language = LanguageGuess::forArticle(m_reader.article().language, m_reader.article().text,
                                               m_engine.languages());
    }
    return m_language;
}

QList<QTextLayout::FormatRange> LensDecorator::decorate(const QTextBlock &block)
{
    QList<QTextLayout::FormatRange> ranges;
    // The title and metadata blocks come before the article text.
    if (m_cues.isEmpty() || !m_reader.articleId() || block.position() < m_reader.textStart())
        return ranges;
    for (const LensSpan &span : m_engine.spans(block.text(), language())) {
        if (!m_cues.contains(span.cue))
            continue;
        QTextLayout::FormatRange range;
        range.start = span.start;
        range.length = span.length;
        const QColor colour = m_engine.colour(span.cue);
        if (span.cue == LensCue::Quotation) {
            range.format.setForeground(colour);
        } else {
            range.format.setUnderlineStyle(QTextCharFormat::DotLine);
            range.format.setUnderlineColor(colour);
        }
        ranges.append(range);
    }
    return ranges;
}
