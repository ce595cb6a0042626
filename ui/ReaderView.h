#pragma once

#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/Code.h"
#include "text/TextOffsets.h"

#include <QHash>
#include <QTextEdit>

#include <optional>

class AnnotationHighlighter;

// The calm reader: the article's title, a line of metadata and its text in
// one read-only document, set in a ~70-character column centred in the view.
//
// The title and metadata occupy the first two blocks; the article text
// starts at textStart() and from there on document positions equal UTF-16
// indexes into Article::text. Everything public speaks code points, the
// store's unit, and converts through TextOffsets.
class ReaderView final : public QTextEdit
{
    Q_OBJECT

public:
    struct Span
    {
        qint64 start = 0; // code points, end exclusive
        qint64 end = 0;
    };

    explicit ReaderView(QWidget *parent = nullptr);
    ~ReaderView() override;

    void setArticle(const Article &article, const QList<Annotation> &annotations);
    void clearArticle();
    qint64 articleId() const { return m_article.id; }
    const Article &article() const { return m_article; }

    void setAnnotations(const QList<Annotation> &annotations);
    void setCodes(const QList<Code> &codes);

    // The selection in code points, trimmed of surrounding white space;
    // empty when nothing of the article text is selected.
    std::optional<Span> selectedSpan() const;
    // Selects the span and scrolls it to the middle of the view.
    void scrollToSpan(qint64 start, qint64 end);

    int textStart() const { return m_textStart; }
    int documentPosition(qint64 codePoint) const;
    qint64 codePointAt(int documentPosition) const;
    QList<Annotation> annotationsAt(qint64 codePoint) const;
    // The highlight format applied at a code point (for tests and tooltips).
    QTextCharFormat highlightFormatAt(qint64 codePoint) const;
    AnnotationHighlighter *highlighter() const { return m_highlighter; }

    qreal zoomFactor() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    void zoomChanged(qreal factor);

protected:
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void rebuild();
    void updateMargins();
    void setZoomStep(int step);
    QString metadataLine() const;
    QString tooltipAt(const QPoint &viewportPos) const;
    QFont bodyFont() const;

    AnnotationHighlighter *m_highlighter = nullptr;
    Article m_article;
    TextOffsets m_offsets{QString()};
    QList<Annotation> m_annotations;
    QHash<qint64, Code> m_codes;
    int m_textStart = 0;
    int m_zoomStep = 0;
    int m_sideMargin = -1;
};
