#include "analysis/NetworkView.h"

#include <QKeyEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

NetworkView::NetworkView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
}

void NetworkView::zoomBy(double factor)
{
    m_fitting = false;
    const double target = std::clamp(zoom() * factor, minimumScale, maximumScale);
    if (zoom() > 0)
        scale(target / zoom(), target / zoom());
}

void NetworkView::fitAll()
{
    m_fitting = true;
    // The scene's rectangle: the network and a margin (NetworkPanel).
    const QRectF all = sceneRect();
    if (all.isEmpty() || viewport()->rect().isEmpty())
        return;
    fitInView(all, Qt::KeepAspectRatio);
    if (zoom() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
    else if (zoom() < minimumScale)
        setTransform(QTransform::fromScale(minimumScale, minimumScale));
    centerOn(all.center());
}

NetworkView::ZoomKey NetworkView::zoomKey(const QKeyEvent *event)
{
    const QKeyCombination key = event->keyCombination();
    if (event->matches(QKeySequence::ZoomIn) || key == (Qt::CTRL | Qt::Key_Equal)
        || key == (Qt::CTRL | Qt::Key_Plus) || key == (Qt::CTRL | Qt::SHIFT | Qt::Key_Plus))
        return ZoomKey::In;
    if (event->matches(QKeySequence::ZoomOut) || key == (Qt::CTRL | Qt::Key_Minus))
        return ZoomKey::Out;
    if (key == (Qt::CTRL | Qt::Key_0))
        return ZoomKey::Fit;
    return ZoomKey::None;
}

bool NetworkView::event(QEvent *event)
{
    // The window's zoom shortcuts are the reader's; here the keys are ours.
    if (event->type() == QEvent::ShortcutOverride
        && zoomKey(static_cast<QKeyEvent *>(event)) != ZoomKey::None) {
        event->accept();
        return true;
    }
    return QGraphicsView::event(event);
}

void NetworkView::keyPressEvent(QKeyEvent *event)
{
    switch (zoomKey(event)) {
    case ZoomKey::In:
        zoomBy(1.25);
        return;
    case ZoomKey::Out:
        zoomBy(1 / 1.25);
        return;
    case ZoomKey::Fit:
        fitAll();
        return;
    case ZoomKey::None:
        break;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        Q_EMIT activateRequested();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void NetworkView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch (120) zooms by a fifth.
    zoomBy(std::pow(1.2, delta / 120.0));
    event->accept();
}

void NetworkView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fitAll();
}
