#include "analysis/NetworkPanel.h"

#include "analysis/NetworkEdgeItem.h"
#include "analysis/NetworkNodeItem.h"
#include "analysis/NetworkView.h"
#include "analysis/NetworkWriter.h"
#include "base/ProjectError.h"
#include "store/AnalysisRepository.h"
#include "store/ChangeSet.h"
#include "store/ProjectSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace {
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

ActorNetwork::Edge claimWith(const char *stance)
{
    ActorNetwork::Edge e;
    e.stance = QLatin1String(stance);
    return e;
}
} // namespace

NetworkPanel::NetworkPanel(ProjectSession &store, const AnnotationVisibility &visibility,
                           QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_visibility(visibility)
{
    m_layout = new QComboBox(this);
    m_layout->addItem(tr("Spring (neato)"));
    m_layout->setItemData(0, tr("Stress majorization: related actors close together"),
                          Qt::ToolTipRole);
    m_layout->addItem(tr("Forces (fdp)"));
    m_layout->setItemData(1, tr("Spring forces: related actors close together"), Qt::ToolTipRole);
    m_layout->addItem(tr("Layers (dot)"));
    m_layout->setItemData(2, tr("Speakers above the actors they speak about"), Qt::ToolTipRole);
    m_layout->setToolTip(tr("How Graphviz places the actors"));
    m_claims = new QCheckBox(tr("Claims"), this);
    m_claims->setChecked(true);
    m_claims->setToolTip(tr("Arrows from speaker to target, coloured by stance"));
    m_coMention = new QCheckBox(tr("Co-mention"), this);
    m_coMention->setChecked(true);
    m_coMention->setToolTip(tr("Lines between actors named in the same article"));
    auto *zoomOut = new QToolButton(this);
    zoomOut->setText(QStringLiteral("−"));
    zoomOut->setToolTip(tr("Zoom out (Ctrl+-, mouse wheel)"));
    auto *zoomIn = new QToolButton(this);
    zoomIn->setText(QStringLiteral("+"));
    zoomIn->setToolTip(tr("Zoom in (Ctrl+=, mouse wheel)"));
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole network (Ctrl+0)"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setToolTip(tr("GraphML, GEXF or DOT for Gephi, networkx or Graphviz; PNG or SVG"));
    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_scene = new QGraphicsScene(this);
    m_view = new NetworkView(m_scene, this);
    m_view->setObjectName(QStringLiteral("networkView"));
    m_view->setAccessibleName(tr("Actor network"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_layout);
    controls->addWidget(m_claims);
    controls->addWidget(m_coMention);
    controls->addStretch(1);
    controls->addWidget(zoomOut);
    controls->addWidget(zoomIn);
    controls->addWidget(fit);
    controls->addWidget(m_export);
    auto *about = new QHBoxLayout;
    about->addWidget(m_status, 1);
    about->addWidget(m_legend);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addLayout(about);
    layout->addWidget(m_view, 1);

    connect(m_layout, &QComboBox::currentIndexChanged, this, &NetworkPanel::refresh);
    for (QCheckBox *box : {m_claims, m_coMention}) {
        connect(box, &QCheckBox::toggled, this, [this] {
            updateEdgeVisibility();
            updateHighlight();
        });
    }
    connect(zoomIn, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1 / 1.25); });
    connect(fit, &QToolButton::clicked, m_view, &NetworkView::fitAll);
    connect(m_export, &QPushButton::clicked, this, &NetworkPanel::chooseExport);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &NetworkPanel::updateHighlight);
    connect(m_view, &NetworkView::activateRequested, this, [this] {
        for (QGraphicsItem *item : m_scene->selectedItems()) {
            if (auto *node = dynamic_cast<NetworkNodeItem *>(item)) {
                activate(node->actorId());
                return;
            }
        }
    });
    connect(&m_session, &ProjectSession::changed, this, &NetworkPanel::applyChanges);
    refresh();
}

NetworkPanel::~NetworkPanel()
{
    // The scene goes with its items after this: nothing may call back.
    m_scene->disconnect(this);
    m_hovered = nullptr;
    m_nodes.clear();
    m_edges.clear();
}

NetworkNodeItem *NetworkPanel::nodeItem(qint64 actorId) const
{
    for (NetworkNodeItem *node : m_nodes) {
        if (node->actorId() == actorId)
            return node;
    }
    return nullptr;
}

void NetworkPanel::clearScene()
{
    m_hovered = nullptr;
    m_nodes.clear();
    m_edges.clear();
    m_scene->clear();
}

void NetworkPanel::refresh()
{
    m_stale = false;
    clearScene();
    try {
        // Coding blind, a coder sees only what their own segments say.
        if (m_visibility.isBlind() && !m_session.coders().byName(m_visibility.currentCoder()))
            throw ProjectError(
                tr("Blind coding: %1 has coded nothing yet").arg(m_visibility.currentCoder()));
        AnalysisRepository analysis(m_session.database());
        m_network = analysis.network(m_visibility.restriction(std::nullopt));
    } catch (const ProjectError &e) {
        m_network = {};
        m_status->setText(e.message());
        m_export->setEnabled(false);
        return;
    }
    int most = 0;
    for (const ActorNetwork::Node &n : std::as_const(m_network.nodes))
        most = std::max(most, n.mentions);
    NetworkLayout::Options options;
    options.engine = NetworkLayout::Engine(m_layout->currentIndex());
    QList<NetworkNodeItem *> nodes;
    for (const ActorNetwork::Node &n : std::as_const(m_network.nodes)) {
        auto *node = new NetworkNodeItem(n, most, font());
        options.sizes.insert(n.actorId, node->size());
        nodes.append(node);
    }
    NetworkLayout::Result layout;
    try {
        layout = NetworkLayout::layout(m_network, options);
    } catch (const ProjectError &e) {
        qDeleteAll(nodes);
        m_status->setText(e.message());
        m_export->setEnabled(false);
        return;
    }
    m_nodes = nodes;
    build(layout);
}

void NetworkPanel::build(const NetworkLayout::Result &layout)
{
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        NetworkNodeItem *node = m_nodes[i];
        node->setPos(layout.nodes[i].centre);
        m_scene->addItem(node);
        connect(node, &NetworkNodeItem::hoverChanged, this, [this, node](bool on) {
            if (on)
                m_hovered = node;
            else if (m_hovered == node)
                m_hovered = nullptr;
            updateHighlight();
        });
        connect(node, &NetworkNodeItem::activated, this, &NetworkPanel::activate);
        // Dragged towards the edge of the scene: the scene grows to keep it.
        const auto grow = [this, node] {
            m_scene->setSceneRect(m_scene->sceneRect()
                                  | node->sceneBoundingRect().adjusted(-40, -40, 40, 40));
        };
        connect(node, &QGraphicsObject::xChanged, this, grow);
        connect(node, &QGraphicsObject::yChanged, this, grow);
    }
    // Edges after the actors are placed: placing them would otherwise
    // take the edges off Graphviz's routes.
    QHash<QPair<qint64, qint64>, QList<NetworkEdgeItem *>> pairs;
    for (qsizetype i = 0; i < layout.edges.size(); ++i) {
        const NetworkLayout::Edge &at = layout.edges[i];
        if (at.from < 0 || at.to < 0)
            continue;
        const ActorNetwork::Edge &e = m_network.edges[i];
        NetworkNodeItem *from = m_nodes[at.from];
        NetworkNodeItem *to = m_nodes[at.to];
        auto *edge = new NetworkEdgeItem(e, from, to, at.route, edgeColour(e));
        from->addEdge(edge);
        if (to != from)
            to->addEdge(edge);
        m_scene->addItem(edge);
        m_edges.append(edge);
        pairs[{std::min(e.from, e.to), std::max(e.from, e.to)}].append(edge);
    }
    for (const QList<NetworkEdgeItem *> &parallel : std::as_const(pairs)) {
        for (qsizetype i = 0; i < parallel.size(); ++i)
            parallel[i]->setBend(double(i) - double(parallel.size() - 1) / 2);
    }
    applyColours();
    updateEdgeVisibility();
    updateHighlight();
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-40, -40, 40, 40));
    m_view->fitAll();

    int claims = 0, coMentions = 0;
    for (const NetworkEdgeItem *edge : std::as_const(m_edges))
        ++(edge->isClaim() ? claims : coMentions);
    m_export->setEnabled(!m_nodes.isEmpty());
    if (m_nodes.isEmpty()) {
        m_status->setText(tr("No actors yet: link mentions to actors and give claims a speaker "
                             "and a target to draw the network."));
    } else {
        m_status->setText(tr("%n actor(s)", nullptr, int(m_nodes.size())) + QStringLiteral(", ")
                          + tr("%n claim edge(s)", nullptr, claims) + QStringLiteral(", ")
                          + tr("%n co-mention edge(s)", nullptr, coMentions)
                          + tr(" · drag actors to move them, double-click one for its segments"));
    }
    if (m_visibility.isBlind())
        m_status->setText(m_status->text()
                          + tr(" · only %1’s segments (blind coding)").arg(m_visibility.currentCoder()));
}

QColor NetworkPanel::edgeColour(const ActorNetwork::Edge &edge) const
{
    // A claim without a stance is black in the files; on screen it takes
    // the text colour, so it shows on a dark background too.
    if (edge.type == ActorNetwork::Edge::Type::Claim && edge.stance.isEmpty())
        return palette().color(QPalette::Text);
    return QColor(NetworkWriter::colour(edge));
}

void NetworkPanel::applyColours()
{
    const QPalette p = palette();
    m_scene->setBackgroundBrush(p.color(QPalette::Base));
    NetworkNodeItem::Colours colours;
    colours.fill = mix(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.2);
    colours.outline = mix(p.color(QPalette::Text), p.color(QPalette::Highlight), 0.6);
    colours.text = p.color(QPalette::Text);
    colours.selectedFill = p.color(QPalette::Highlight);
    colours.selectedText = p.color(QPalette::HighlightedText);
    for (NetworkNodeItem *node : std::as_const(m_nodes))
        node->setColours(colours);
    for (NetworkEdgeItem *edge : std::as_const(m_edges))
        edge->setColour(edgeColour(edge->edge()));
    const auto swatch = [this](const ActorNetwork::Edge &e, const QString &name) {
        return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
            .arg(edgeColour(e).name(), name.toHtmlEscaped());
    };
    ActorNetwork::Edge coMention;
    coMention.type = ActorNetwork::Edge::Type::CoMention;
    m_legend->setText(QStringList {
        swatch(claimWith("supports"), tr("supports")), swatch(claimWith("opposes"), tr("opposes")),
        swatch(claimWith("neutral"), tr("neutral")), swatch(claimWith(""), tr("no stance")),
        swatch(coMention, tr("co-mention"))}
                          .join(QStringLiteral(" &nbsp; ")));
}

void NetworkPanel::updateEdgeVisibility()
{
    for (NetworkEdgeItem *edge : std::as_const(m_edges))
        edge->setVisible(edge->isClaim() ? m_claims->isChecked() : m_coMention->isChecked());
}

void NetworkPanel::updateHighlight()
{
    QSet<const NetworkNodeItem *> focus;
    if (m_hovered)
        focus.insert(m_hovered);
    for (const NetworkNodeItem *node : std::as_const(m_nodes)) {
        if (node->isSelected())
            focus.insert(node);
    }
    QSet<const NetworkNodeItem *> near = focus;
    for (NetworkEdgeItem *edge : std::as_const(m_edges)) {
        using State = NetworkEdgeItem::State;
        if (focus.isEmpty()) {
            edge->setState(State::Normal);
            continue;
        }
        const bool touches = focus.contains(edge->from()) || focus.contains(edge->to());
        edge->setState(touches ? State::Highlighted : State::Dimmed);
        if (touches && edge->isVisible()) {
            near.insert(edge->from());
            near.insert(edge->to());
        }
    }
    for (NetworkNodeItem *node : std::as_const(m_nodes))
        node->setOpacity(focus.isEmpty() || near.contains(node) ? 1.0 : 0.35);
}

ActorNetwork NetworkPanel::shownNetwork() const
{
    ActorNetwork shown = m_network;
    shown.edges.removeIf([this](const ActorNetwork::Edge &e) {
        return e.type == ActorNetwork::Edge::Type::Claim ? !m_claims->isChecked()
                                                         : !m_coMention->isChecked();
    });
    return shown;
}

QString NetworkPanel::queryFor(const QString &actorName)
{
    QString escaped = actorName;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QStringLiteral("actor:\"%1\"").arg(escaped);
}

void NetworkPanel::activate(qint64 actorId)
{
    if (const NetworkNodeItem *node = nodeItem(actorId))
        Q_EMIT segmentsRequested(queryFor(node->actor().name));
}

void NetworkPanel::chooseExport()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Network"), QString(),
        tr("GraphML (*.graphml);;GEXF (*.gexf);;Graphviz DOT (*.dot);;PNG image (*.png);;"
           "SVG image (*.svg)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("\\*(\\.\\w+)")).match(filter);
        if (m.hasMatch())
            path += m.captured(1);
    }
    exportTo(path);
}

bool NetworkPanel::exportTo(const QString &path)
{
    if (const auto format = NetworkWriter::formatForFile(path)) {
        if (!writeFile(path, NetworkWriter::write(shownNetwork(), *format)))
            return false;
        m_status->setText(tr("Network exported to %1").arg(path));
        return true;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("svg"))
        return writePicture(path);
    m_status->setText(tr("%1: unknown format; use .graphml, .gexf, .dot, .png or .svg").arg(path));
    return false;
}

bool NetworkPanel::writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_status->setText(tr("%1: cannot write (%2)").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool NetworkPanel::writePicture(const QString &path)
{
    const QRectF source = m_scene->itemsBoundingRect().adjusted(-16, -16, 16, 16);
    if (m_nodes.isEmpty() || source.isEmpty()) {
        m_status->setText(tr("%1: nothing to draw, the network has no actors").arg(path));
        return false;
    }
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(tr("Actor network"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            m_status->setText(tr("%1: cannot write").arg(path));
            return false;
        }
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    } else {
        // Twice the scene's size for a sharp picture, within 8000 pixels.
        const double scale = std::min(2.0, 8000 / std::max(source.width(), source.height()));
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(palette().color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_scene->render(&painter, QRectF(image.rect()), source);
        painter.end();
        if (!image.save(path, "PNG")) {
            m_status->setText(tr("%1: cannot write").arg(path));
            return false;
        }
    }
    m_status->setText(tr("Network exported to %1").arg(path));
    return true;
}

void NetworkPanel::applyChanges(const ChangeSet &changes)
{
    using A = ChangeSet::Aggregate;
    const bool relevant = changes.touches(A::Actor) || changes.touches(A::Annotation)
        || !changes.actorUsage().isEmpty() || !changes.annotatedArticles().isEmpty()
        || !changes.of(A::Article).removed.isEmpty();
    if (!relevant)
        return;
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void NetworkPanel::setVisibility(const AnnotationVisibility &visibility)
{
    const bool changed = !visibility.narrowsLike(m_visibility);
    m_visibility = visibility;
    if (!changed)
        return;
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void NetworkPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void NetworkPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}
