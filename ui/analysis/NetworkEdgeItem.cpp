#include "analysis/NetworkEdgeItem.h"

#include "analysis/NetworkNodeItem.h"
#include "shell/LiteralText.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>

namespace {
constexpr int samplesPerCurve = 16;

QPointF cubic(QPointF p0, QPointF c1, QPointF c2, QPointF p3, double t)
{
    const double u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * p3;
}

// Drops the part of the line inside the node at its start, ending it
// exactly on the outline.
void clipFront(QPolygonF &line, const NetworkNodeItem *node)
{
    qsizetype i = 0;
    while (i < line.size() && node->ellipseValue(line[i]) < 1)
        ++i;
    if (i == 0)
        return;
    if (i == line.size()) {
        line.clear(); // the two actors overlap
        return;
    }
    QPointF in = line[i - 1], out = line[i];
    for (int k = 0; k < 24; ++k) {
        const QPointF mid = (in + out) / 2;
        (node->ellipseValue(mid) < 1 ? in : out) = mid;
    }
    line.remove(0, i);
    line.prepend(out);
}

void clipBack(QPolygonF &line, const NetworkNodeItem *node)
{
    std::reverse(line.begin(), line.end());
    clipFront(line, node);
    std::reverse(line.begin(), line.end());
}

// The point `distance` back along the line from its end, and the index of
// the first point past it.
QPair<QPointF, qsizetype> back(const QPolygonF &line, double distance)
{
    double walked = 0;
    for (qsizetype i = line.size() - 1; i > 0; --i) {
        const double step = QLineF(line[i - 1], line[i]).length();
        if (walked + step >= distance && step > 0) {
            const double t = (distance - walked) / step;
            return {line[i] + (line[i - 1] - line[i]) * t, i};
        }
        walked += step;
    }
    return {line.first(), 1};
}

QString edgeTip(const ActorNetwork::Edge &edge, const QString &from, const QString &to)
{
    const auto tr = [](const char *text, int n = -1) {
        return QCoreApplication::translate("NetworkEdgeItem", text, nullptr, n);
    };
    if (edge.type == ActorNetwork::Edge::Type::CoMention) {
        return QStringLiteral("%1 — %2\n").arg(from, to)
            + tr("named together in %n article(s)", edge.weight);
    }
    const QString stance = edge.stance.isEmpty() ? tr("no stance") : edge.stance;
    return QStringLiteral("%1 → %2: %3\n").arg(from, to, stance) + tr("%n claim(s)", edge.weight);
}
} // namespace

NetworkEdgeItem::NetworkEdgeItem(const ActorNetwork::Edge &edge, NetworkNodeItem *from,
                                 NetworkNodeItem *to, const QList<QPointF> &route,
                                 const QColor &colour, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_edge(edge)
    , m_from(from)
    , m_to(to)
    , m_route(route)
    , m_colour(colour)
{
    const int extra = std::max(0, edge.weight - 1);
    m_width = isClaim() ? std::min(1.5 + 0.8 * extra, 7.0) : std::min(0.8 + 0.6 * extra, 6.0);
    setZValue(isClaim() ? 1 : 0);
    setToolTip(LiteralText::html(edgeTip(edge, from->actor().name, to->actor().name)));
    setState(State::Normal);
    rebuild();
}

void NetworkEdgeItem::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

void NetworkEdgeItem::followNodes()
{
    m_route.clear();
    rebuild();
}

void NetworkEdgeItem::setState(State state)
{
    m_state = state;
    const double normal = isClaim() ? 1.0 : 0.75;
    setOpacity(state == State::Dimmed ? 0.12 : state == State::Highlighted ? 1.0 : normal);
    setZValue((isClaim() ? 1 : 0) + (state == State::Highlighted ? 0.5 : 0));
    update();
}

QPolygonF NetworkEdgeItem::direct() const
{
    const QPointF a = m_from->scenePos();
    const QPointF b = m_to->scenePos();
    QPolygonF line;
    if (m_from == m_to) {
        // A loop over the top right of the actor, larger for each further one.
        const QSizeF s = m_from->size();
        const double grow = 1 + 0.5 * std::abs(m_bend);
        const QPointF c1 = a + QPointF(s.width() * 0.2, -s.height() * 1.6 * grow);
        const QPointF c2 = a + QPointF(s.width() * 0.9 * grow, -s.height() * 0.9);
        for (int i = 0; i <= 2 * samplesPerCurve; ++i)
            line << cubic(a, c1, c2, a, double(i) / (2 * samplesPerCurve));
        return line;
    }
    // Bowed to one side, the same side for both directions of a pair.
    const bool forward = m_from->actorId() < m_to->actorId();
    const QLineF canonical = forward ? QLineF(a, b) : QLineF(b, a);
    const QPointF normal
        = QPointF(-canonical.dy(), canonical.dx()) / std::max(1.0, canonical.length());
    const QPointF control = (a + b) / 2 + normal * (m_bend * 36);
    for (int i = 0; i <= samplesPerCurve; ++i) {
        const double t = double(i) / samplesPerCurve;
        line << (1 - t) * (1 - t) * a + 2 * (1 - t) * t * control + t * t * b;
    }
    return line;
}

void NetworkEdgeItem::rebuild()
{
    prepareGeometryChange();
    QPolygonF line;
    if (m_route.size() >= 4) {
        line << m_route.first();
        for (qsizetype s = 0; s + 3 < m_route.size(); s += 3) {
            for (int i = 1; i <= samplesPerCurve; ++i) {
                line << cubic(m_route[s], m_route[s + 1], m_route[s + 2], m_route[s + 3],
                              double(i) / samplesPerCurve);
            }
        }
    } else {
        line = direct();
    }
    clipFront(line, m_from);
    clipBack(line, m_to);
    m_line = line;
    m_stroke = line;
    m_arrow.clear();
    if (isClaim() && line.size() >= 2) {
        const double length = 8 + 1.6 * m_width;
        const QPointF tip = line.last();
        const auto [base, index] = back(line, length);
        const QPointF along = tip - base;
        const double span = std::max(1e-6, QLineF(base, tip).length());
        const QPointF side = QPointF(-along.y(), along.x()) / span * (length * 0.45);
        m_arrow << tip << base + side << base - side;
        // The line stops inside the arrowhead, so its end never shows
        // beside the point.
        const auto [cut, cutIndex] = back(line, length * 0.6);
        m_stroke = line.mid(0, cutIndex);
        m_stroke << cut;
    }
}

QRectF NetworkEdgeItem::boundingRect() const
{
    const double margin = m_width + 4;
    return (m_line.boundingRect() | m_arrow.boundingRect())
        .adjusted(-margin, -margin, margin, margin);
}

QPainterPath NetworkEdgeItem::shape() const
{
    QPainterPath path;
    path.addPolygon(m_line);
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(6.0, m_width + 4));
    QPainterPath shape = stroker.createStroke(path);
    shape.addPolygon(m_arrow);
    return shape;
}

void NetworkEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_line.size() < 2)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const double width = m_width + (m_state == State::Highlighted ? (isClaim() ? 1.5 : 0.6) : 0);
    painter->setPen(QPen(m_colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_stroke);
    if (!m_arrow.isEmpty()) {
        painter->setPen(QPen(m_colour, 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(m_colour);
        painter->drawPolygon(m_arrow);
    }
}
