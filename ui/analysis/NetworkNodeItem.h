#pragma once

#include "domain/AnalysisTables.h"

#include <QColor>
#include <QFont>
#include <QGraphicsObject>

class NetworkEdgeItem;

// One actor in the network view: its name in an ellipse, the name's font
// and the ellipse larger the more mentions the actor has (relative to the
// most mentioned). It can be dragged (its edges follow), hovered and
// selected (the panel then picks out its edges) and double-clicked (asks
// for its segments).
class NetworkNodeItem final : public QGraphicsObject
{
    Q_OBJECT

public:
    struct Colours
    {
        QColor fill, outline, text, selectedFill, selectedText;
    };

    NetworkNodeItem(const ActorNetwork::Node &actor, int mostMentions, const QFont &font,
                    QGraphicsItem *parent = nullptr);

    const ActorNetwork::Node &actor() const { return m_actor; }
    qint64 actorId() const { return m_actor.actorId; }
    // The ellipse; the item is centred on its position.
    QSizeF size() const { return m_size; }
    QFont font() const { return m_font; }
    // How far p (scene coordinates) is from the centre, in ellipse radii:
    // 1 on the outline.
    double ellipseValue(QPointF p) const;
    void addEdge(NetworkEdgeItem *edge) { m_edges.append(edge); }
    const QList<NetworkEdgeItem *> &edges() const { return m_edges; }
    void setColours(const Colours &colours);
    bool isHovered() const { return m_hovered; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void hoverChanged(bool hovered);
    void activated(qint64 actorId);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    ActorNetwork::Node m_actor;
    QFont m_font;
    QSizeF m_size;
    Colours m_colours;
    QList<NetworkEdgeItem *> m_edges;
    bool m_hovered = false;
};
