#pragma once

#include <QGraphicsView>

// The network's view: the wheel zooms under the pointer, Ctrl+= / Ctrl+-
// zoom and Ctrl+0 fits the whole network (here, rather than the reader's
// zoom elsewhere in the window), dragging the background pans, Enter asks
// to open the selected actor's segments.
class NetworkView final : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr double minimumScale = 0.05;
    static constexpr double maximumScale = 8;

    explicit NetworkView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    // Multiplies the zoom, within minimumScale..maximumScale.
    void zoomBy(double factor);
    // The whole network in view, never enlarged past its natural size × 1.5;
    // kept so as the view is resized, until zoomed by hand.
    void fitAll();

Q_SIGNALS:
    void activateRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class ZoomKey
    {
        None,
        In,
        Out,
        Fit
    };
    static ZoomKey zoomKey(const QKeyEvent *event);

    bool m_fitting = true;
};
