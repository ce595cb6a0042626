#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QWidget>

// A narrow strip beside the reader's scroll bar showing where annotations
// sit in the whole article, one tick per annotation in its code's colour,
// with the part of the article in view marked. Positions are by character,
// not by laid-out height, so the strip is ready before the long article is
// laid out. Clicking asks the reader to jump there.
class AnnotationMinimap final : public QWidget
{
    Q_OBJECT

public:
    struct Mark
    {
        qreal from = 0; // fractions of the article text, 0..1
        qreal to = 0;
        QColor colour;
    };

    explicit AnnotationMinimap(QWidget *parent = nullptr);

    void setMarks(QList<Mark> marks);
    const QList<Mark> &marks() const { return m_marks; }
    // The part of the article in view, as fractions.
    void setVisibleRange(qreal from, qreal to);
    void setColours(const QColor &page, const QColor &frame);

    // The fraction of the article at a y coordinate of this widget.
    qreal fractionAt(int y) const;
    QSize sizeHint() const override { return {14, 100}; }

Q_SIGNALS:
    void jumpRequested(qreal fraction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF track() const;

    QList<Mark> m_marks;
    QImage m_cache; // the ticks, redrawn when marks or size change
    qreal m_visibleFrom = 0;
    qreal m_visibleTo = 0;
    QColor m_page{0xfc, 0xfb, 0xf8};
    QColor m_frame{0xdc, 0xd9, 0xd2};
};
