#include "analysis/NetworkNodeItem.h"

#include "analysis/NetworkEdgeItem.h"
#include "shell/LiteralText.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>

NetworkNodeItem::NetworkNodeItem(const ActorNetwork::Node &actor, int mostMentions,
                                 const QFont &font, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_actor(actor)
    , m_font(font)
{
    // By the square root: four times the mentions, twice the extra size.
    const double share
        = mostMentions > 0 ? std::sqrt(double(std::max(0, actor.mentions)) / mostMentions) : 0;
    if (font.pointSizeF() > 0)
        m_font.setPointSizeF(font.pointSizeF() * (1 + 0.6 * share));
    else
        m_font.setPixelSize(qRound(font.pixelSize() * (1 + 0.6 * share)));
    const QFontMetricsF metrics(m_font);
    const QSizeF text(metrics.horizontalAdvance(actor.name), metrics.height());
    // The smallest ellipse around a box is √2 times the box; then padding.
    const double pad = 4 + 8 * share;
    m_size = QSizeF(text.width() * M_SQRT2 + 2 * pad, text.height() * M_SQRT2 + pad);
    m_size.setWidth(std::max(m_size.width(), m_size.height()));

    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(2);
    QString tip = actor.name;
    if (!actor.kind.isEmpty())
        tip += QStringLiteral(" (%1)").arg(actor.kind);
    tip += QLatin1Char('\n') + tr("%n mention(s)", nullptr, actor.mentions) + QStringLiteral(" · ")
        + tr("%n claim(s) made", nullptr, actor.claimsMade) + QStringLiteral(" · ")
        + tr("%n received", nullptr, actor.claimsReceived) + QLatin1Char('\n')
        + tr("Double-click for its segments");
    setToolTip(LiteralText::html(tip));
}

double NetworkNodeItem::ellipseValue(QPointF p) const
{
    const QPointF d = p - scenePos();
    const double x = d.x() / (m_size.width() / 2);
    const double y = d.y() / (m_size.height() / 2);
    return std::sqrt(x * x + y * y);
}

void NetworkNodeItem::setColours(const Colours &colours)
{
    m_colours = colours;
    update();
}

QRectF NetworkNodeItem::boundingRect() const
{
    // Room for the wider outline of a selected or hovered actor.
    return QRectF(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height())
        .adjusted(-2, -2, 2, 2);
}

QPainterPath NetworkNodeItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), m_size.width() / 2, m_size.height() / 2);
    return path;
}

void NetworkNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const bool selected = isSelected();
    const bool strong = selected || m_hovered;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_colours.outline, strong ? 2.5 : 1.2));
    painter->setBrush(selected ? m_colours.selectedFill : m_colours.fill);
    painter->drawEllipse(QPointF(0, 0), m_size.width() / 2 - 0.5, m_size.height() / 2 - 0.5);
    painter->setFont(m_font);
    painter->setPen(selected ? m_colours.selectedText : m_colours.text);
    painter->drawText(boundingRect(), Qt::AlignCenter, m_actor.name);
}

QVariant NetworkNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    // Dragged: the edges leave Graphviz's routes and follow.
    if (change == ItemPositionHasChanged) {
        for (NetworkEdgeItem *edge : std::as_const(m_edges))
            edge->followNodes();
    }
    return QGraphicsObject::itemChange(change, value);
}

void NetworkNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    Q_EMIT hoverChanged(true);
    QGraphicsObject::hoverEnterEvent(event);
}

void NetworkNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    Q_EMIT hoverChanged(false);
    QGraphicsObject::hoverLeaveEvent(event);
}

void NetworkNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    Q_EMIT activated(m_actor.actorId);
    QGraphicsObject::mouseDoubleClickEvent(event);
}
