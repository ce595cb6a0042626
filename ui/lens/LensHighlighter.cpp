#include "lens/LensHighlighter.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>

void LensHighlighter::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    // Format ids are only stable within one loaded definition.
    m_cueByFormat.clear();
    AbstractHighlighter::setDefinition(definition);
}

QList<LensSpan> LensHighlighter::highlight(QStringView paragraph)
{
    m_spans.clear();
    if (definition().isValid() && !paragraph.isEmpty())
        highlightLine(paragraph, KSyntaxHighlighting::State());
    return std::exchange(m_spans, {});
}

void LensHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (length <= 0 || !format.isValid())
        return;
    auto it = m_cueByFormat.constFind(format.id());
    if (it == m_cueByFormat.cend()) {
        const auto cue = LensCues::fromId(format.name());
        it = m_cueByFormat.insert(format.id(), cue ? int(*cue) : -1);
    }
    if (*it < 0)
        return;
    const auto cue = LensCue(*it);
    if (!m_spans.isEmpty() && m_spans.last().cue == cue && m_spans.last().end() == offset)
        m_spans.last().length += length;
    else
        m_spans.append({offset, length, cue});
}
