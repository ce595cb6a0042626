#pragma once

#include "domain/AnalysisTables.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPolygonF>

class NetworkNodeItem;

// One edge of the network view: a claim (an arrow from speaker to target
// in its stance's colour) or a co-mention (a thin line), as wide as its
// weight. It follows Graphviz's route until one of its actors is dragged,
// then runs between them (bowed apart from the other edges between the
// same two actors, a loop for an actor speaking about itself), always from
// outline to outline.
class NetworkEdgeItem final : public QGraphicsItem
{
public:
    enum class State
    {
        Normal,
        Highlighted, // an edge of the hovered or selected actor
        Dimmed // another actor is hovered or selected
    };

    // route: a cubic Bézier spline in scene coordinates, or empty.
    NetworkEdgeItem(const ActorNetwork::Edge &edge, NetworkNodeItem *from, NetworkNodeItem *to,
                    const QList<QPointF> &route, const QColor &colour,
                    QGraphicsItem *parent = nullptr);

    const ActorNetwork::Edge &edge() const { return m_edge; }
    bool isClaim() const { return m_edge.type == ActorNetwork::Edge::Type::Claim; }
    NetworkNodeItem *from() const { return m_from; }
    NetworkNodeItem *to() const { return m_to; }
    QColor colour() const { return m_colour; }
    void setColour(const QColor &colour);
    qreal width() const { return m_width; }
    // Its place among the edges between the same two actors (…, -1, 0, 1,
    // …, or halves), for when it runs between them.
    void setBend(double bend) { m_bend = bend; }
    // Leaves Graphviz's route and runs between the actors where they are.
    void followNodes();
    bool followsRoute() const { return !m_route.isEmpty(); }
    void setState(State state);
    State state() const { return m_state; }
    // The line as drawn, in scene coordinates, from outline to outline.
    const QPolygonF &line() const { return m_line; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void rebuild();
    QPolygonF direct() const;

    ActorNetwork::Edge m_edge;
    NetworkNodeItem *m_from;
    NetworkNodeItem *m_to;
    QList<QPointF> m_route;
    QColor m_colour;
    qreal m_width;
    double m_bend = 0;
    State m_state = State::Normal;
    QPolygonF m_line; // outline to outline
    QPolygonF m_stroke; // m_line without the part under the arrowhead
    QPolygonF m_arrow;
};
