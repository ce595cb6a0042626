#pragma once

#include "lens/LensSpan.h"

#include <KSyntaxHighlighting/AbstractHighlighter>

#include <QHash>

// Runs one generated lens definition over a paragraph and collects the
// cues as spans. Each paragraph starts from a fresh state, so any one can
// be highlighted alone (the reader asks only for those it paints).
class LensHighlighter final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    LensHighlighter() = default;
    void setDefinition(const KSyntaxHighlighting::Definition &definition) override;

    // Spans in the paragraph, offsets relative to it; adjacent pieces of the
    // same cue are joined.
    QList<LensSpan> highlight(QStringView paragraph);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    QList<LensSpan> m_spans;
    QHash<int, int> m_cueByFormat; // format id -> LensCue, or -1 for none
};
