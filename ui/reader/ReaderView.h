#pragma once

#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/Code.h"
#include "domain/Coder.h"
#include "text/TextOffsets.h"

#include <QHash>
#include <QSet>
#include <QTextEdit>

#include <optional>

class AnnotationHighlighter;
class AnnotationMinimap;
class BlockDecorator;
class FindBar;
class QAction;

// The calm reader: the article's title, a line of metadata and its text in
// one read-only document, set in a ~70-character column centred in the view.
//
// The title and metadata occupy the first two blocks; the article text
// starts at textStart() and from there on document positions equal UTF-16
// indexes into Article::text. Everything public speaks code points, the
// store's unit, and converts through TextOffsets.
//
// Speed on long articles: the text goes in as one change so the document
// layout works lazily (what is on screen first, the rest in idle steps);
// annotations are painted per visible block by AnnotationHighlighter and
// never written into the document; zoom changes only the default font.
// Beside the column: a gutter of margin bars (one per annotation in view,
// its vertical extent in its code colour) and a minimap of the whole
// article next to the scroll bar. When the annotations shown come from
// more than one coder, a lane between the bars and the text marks each
// annotation's extent in its coder's colour, a column per coder.
//
// The reader shows the annotations it is given: whose are seen (coders
// hidden, blind coding) is decided before, by AnnotationVisibility.
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
    const QList<Annotation> &annotations() const { return m_annotations; }
    // Whether any of these annotations is painted here.
    bool showsAnyAnnotation(const QSet<qint64> &annotationIds) const;
    void setCodes(const QList<Code> &codes);
    // Coders' colours, for the coder lane and the tooltips.
    void setCoders(const QList<Coder> &coders);

    // The selection in code points, trimmed of surrounding white space and
    // widened to whole grapheme clusters; empty when nothing of the article
    // text is selected.
    std::optional<Span> selectedSpan() const;
    // Selects the span and scrolls it to the middle of the view.
    void scrollToSpan(qint64 start, qint64 end);

    int textStart() const { return m_textStart; }
    int documentPosition(qint64 codePoint) const;
    qint64 codePointAt(int documentPosition) const;
    // The grapheme cluster boundary after / before a code point of the
    // article text: where a span boundary may move one character to.
    qint64 nextGrapheme(qint64 codePoint) const;
    qint64 previousGrapheme(qint64 codePoint) const;
    QList<Annotation> annotationsAt(qint64 codePoint) const;
    // The annotation format at a code point (for tests and tooltips):
    // DepthProperty, the wash as background, stacked underline colours.
    QTextCharFormat highlightFormatAt(qint64 codePoint) const;
    // The decorators' formats at a code point, merged with the above.
    QTextCharFormat mergedFormatAt(qint64 codePoint) const;
    AnnotationHighlighter *highlighter() const { return m_highlighter; }

    // Reading-lens and similar hooks; see BlockDecorator.h.
    void addDecorator(BlockDecorator *decorator);
    void removeDecorator(BlockDecorator *decorator);
    // Call when a decorator's output changed; re-decorates blocks lazily.
    void refreshDecorations();

    // What is highlighted: annotations whose codes are all in hidden
    // categories are not shown.
    void setCategoryVisible(qint64 categoryId, bool visible);
    bool isCategoryVisible(qint64 categoryId) const { return !m_hiddenCategories.contains(categoryId); }
    // The annotations currently highlighted, in reading order.
    QList<Annotation> shownAnnotations() const;

    // F8 / Shift+F8: select the next / previous shown annotation after the
    // cursor, in reading order, wrapping around. False if there is none.
    bool nextAnnotation();
    bool previousAnnotation();
    qint64 currentAnnotationId() const { return m_currentAnnotation; }

    // Find in article (Ctrl+F). Case-insensitive; returns the match count.
    int find(const QString &text);
    bool findNext();
    bool findPrevious();
    int findMatchCount() const { return int(m_matches.size()); }
    int currentFindMatch() const { return m_currentMatch; } // 0-based, -1 none
    FindBar *findBar() const { return m_findBar; }
    AnnotationMinimap *minimap() const { return m_minimap; }
    // Jumps to the annotation nearest a fraction of the article text.
    void jumpToFraction(qreal fraction);

    QAction *findAction() const { return m_findAction; }
    QAction *nextAnnotationAction() const { return m_nextAnnotationAction; }
    QAction *previousAnnotationAction() const { return m_previousAnnotationAction; }

    qreal zoomFactor() const;
    // Page colours for the current application palette (light or dark).
    bool isDarkTheme() const { return m_dark; }
    // The margin bars painted last, in viewport coordinates (for tests).
    struct MarginBar
    {
        QRectF rect;
        qint64 annotationId = 0;
        QColor colour;
    };
    const QList<MarginBar> &marginBars() const { return m_marginBars; }
    // The coder lane's marks painted last (empty with a single coder); the
    // colour is the coder's.
    const QList<MarginBar> &coderMarks() const { return m_coderMarks; }
    // The coders whose annotations are highlighted, ordered by name.
    QList<qint64> shownCoderIds() const { return m_shownCoders; }
    static constexpr int gutterWidth = 40;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();

Q_SIGNALS:
    void zoomChanged(qreal factor);
    void currentAnnotationChanged(qint64 annotationId);

protected:
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void rebuild();
    void rebuildEntries();
    void applyHeaderFormats();
    void applyTheme();
    void updateMargins();
    void updateMinimapRange();
    void placeOverlays();
    void setZoomStep(int step);
    void selectAnnotationEntry(int index);
    void selectMatch(int index);
    void decorateVisibleBlocks(QTextBlock first, int bottomY);
    void centreVertically(const QRect &rect);
    Annotation annotationById(qint64 id) const; // an empty one if unknown
    QString metadataLine() const;
    QString tooltipAt(const QPoint &viewportPos) const;
    QString tooltipFor(const QList<Annotation> &annotations) const;
    QFont bodyFont() const;
    QColor codeColour(const Annotation &a) const;
    QColor coderColour(qint64 coderId) const;
    bool isShown(const Annotation &a) const;

    AnnotationHighlighter *m_highlighter = nullptr;
    AnnotationMinimap *m_minimap = nullptr;
    FindBar *m_findBar = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_nextAnnotationAction = nullptr;
    QAction *m_previousAnnotationAction = nullptr;
    Article m_article;
    TextOffsets m_offsets{QString()};
    QList<Annotation> m_annotations;
    QHash<qint64, int> m_annotationIndex; // id -> index in m_annotations
    QHash<qint64, Code> m_codes;
    QSet<qint64> m_hiddenCategories;
    QHash<qint64, Coder> m_coders;
    QList<qint64> m_shownCoders; // ordered by name: each has its column
    QList<MarginBar> m_marginBars;
    QList<MarginBar> m_coderMarks;
    QList<int> m_matches; // UTF-16 offsets into the article text
    int m_matchLength = 0;
    int m_currentMatch = -1;
    qint64 m_currentAnnotation = 0;
    int m_decorationGeneration = 1;
    int m_textStart = 0;
    int m_zoomStep = 0;
    int m_sideMargin = -1;
    bool m_dark = false;
    bool m_applyingTheme = false;
};
