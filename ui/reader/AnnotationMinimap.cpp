#include "reader/AnnotationMinimap.h"

#include <QMouseEvent>
#include <QPainter>

namespace {
constexpr int verticalInset = 8;
}

AnnotationMinimap::AnnotationMinimap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("annotationMinimap"));
    setAccessibleName(tr("Annotation overview"));
    setToolTip(tr("Where the annotations are in the whole article; click to jump there"));
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void AnnotationMinimap::setMarks(QList<Mark> marks)
{
    m_marks = std::move(marks);
    m_cache = QImage();
    update();
}

void AnnotationMinimap::setVisibleRange(qreal from, qreal to)
{
    if (qFuzzyCompare(1 + from, 1 + m_visibleFrom) && qFuzzyCompare(1 + to, 1 + m_visibleTo))
        return;
    m_visibleFrom = from;
    m_visibleTo = to;
    update();
}

void AnnotationMinimap::setColours(const QColor &page, const QColor &frame)
{
    m_page = page;
    m_frame = frame;
    m_cache = QImage();
    update();
}

QRectF AnnotationMinimap::track() const
{
    return QRectF(3, verticalInset, width() - 6, std::max(1, height() - 2 * verticalInset));
}

qreal AnnotationMinimap::fractionAt(int y) const
{
    const QRectF t = track();
    return std::clamp((y - t.top()) / t.height(), 0.0, 1.0);
}

void AnnotationMinimap::paintEvent(QPaintEvent *)
{
    // Redrawn when the marks or colours change (cache cleared) or the size does.
    const qreal dpr = devicePixelRatioF();
    if (m_cache.isNull() || m_cache.size() != size() * dpr) {
        m_cache = QImage(size() * dpr, QImage::Format_ARGB32_Premultiplied);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(m_page);
        QPainter p(&m_cache);
        const QRectF t = track();
        // A hairline track, so the strip never reads as a second scroll bar.
        p.fillRect(QRectF(t.center().x() - 0.5, t.top(), 1, t.height()), m_frame);
        // Thousands of ticks land on a few hundred pixel rows; drawing each
        // is cheap and only happens when the marks change.
        for (const Mark &m : std::as_const(m_marks)) {
            const qreal y1 = t.top() + m.from * t.height();
            const qreal y2 = std::max(y1 + 2.0, t.top() + m.to * t.height());
            p.fillRect(QRectF(t.left(), y1, t.width(), y2 - y1), m.colour);
        }
    }
    QPainter p(this);
    p.drawImage(0, 0, m_cache);
    if (m_visibleTo > m_visibleFrom) {
        const QRectF t = track();
        QRectF view(t.left() - 1.5, t.top() + m_visibleFrom * t.height(), t.width() + 3,
                    std::max(4.0, (m_visibleTo - m_visibleFrom) * t.height()));
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(m_page.lightness() < 128 ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 20));
        p.drawRoundedRect(view, 2, 2);
    }
}

void AnnotationMinimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT jumpRequested(fractionAt(event->position().toPoint().y()));
}

void AnnotationMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        Q_EMIT jumpRequested(fractionAt(event->position().toPoint().y()));
}
