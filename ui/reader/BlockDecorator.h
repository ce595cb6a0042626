#pragma once

#include <QList>
#include <QTextBlock>
#include <QTextLayout>

// A hook for extra, non-annotation decoration of the reader's text, such as
// the reading lens (quotations, attribution verbs, hedges ...).
//
// The reader asks each decorator only for blocks it is about to paint, so a
// decorator is never run over a whole megabyte article up front. Its ranges
// are in block coordinates (0 = block.position()), like
// QTextLayout::FormatRange everywhere else.
//
// Merging with annotations: a decorator owns the *foreground* side of the
// text: foreground colour, font weight/italic, and the char format's own
// underline (use QTextCharFormat::DotLine / DashUnderline for the lens).
// Annotations own the *background*: the wash behind the text and the
// stacked underlines for nested annotations, which the reader paints itself
// below the character underline. So neither hides the other. Properties a
// decorator sets for background are ignored where an annotation paints one.
//
// Register with ReaderView::addDecorator() (or
// AnnotationHighlighter::addDecorator()); the decorator must outlive the
// registration or be removed with removeDecorator(). When a decorator's
// output changes (lens switched on/off, rules edited) call
// ReaderView::refreshDecorations(), which repaints cheaply: only visible
// blocks are decorated again.
class BlockDecorator
{
public:
    virtual ~BlockDecorator() = default;

    // Formats for `block`, in block coordinates. May be empty. Called from
    // paint, so keep it proportional to the block's length.
    virtual QList<QTextLayout::FormatRange> decorate(const QTextBlock &block) = 0;
};
