#pragma once

#include "analysis/NetworkLayout.h"
#include "domain/AnalysisTables.h"
#include "domain/AnnotationVisibility.h"

#include <QWidget>

class ChangeSet;
class NetworkEdgeItem;
class NetworkNodeItem;
class NetworkView;
class ProjectSession;
class QCheckBox;
class QComboBox;
class QGraphicsScene;
class QLabel;
class QPushButton;

// The actor network (AnalysisRepository::network) laid out with Graphviz
// (NetworkLayout): actors as named ellipses sized by mentions, claims as
// arrows from speaker to target coloured by stance (the colours of
// NetworkWriter; a claim without a stance in the text colour), co-mention
// as thin grey lines, each as wide as its weight. Claims and co-mention
// can be hidden; hovering or selecting an actor picks out its edges; a
// double-click or Enter on an actor lists its segments (`actor:"NAME"`).
// Follows the light or dark palette, and the store's change events while
// shown (a hidden panel catches up when shown again). Exports GraphML, GEXF
// or DOT (the edges shown) and PNG or SVG of the picture.
class NetworkPanel final : public QWidget
{
    Q_OBJECT

public:
    // Under blind coding (visibility), only the current coder's segments
    // make mentions, claims and co-mentions.
    NetworkPanel(ProjectSession &store, const AnnotationVisibility &visibility,
                 QWidget *parent = nullptr);
    void setVisibility(const AnnotationVisibility &visibility);
    ~NetworkPanel() override;

    NetworkView *view() const { return m_view; }
    QGraphicsScene *scene() const { return m_scene; }
    QComboBox *layoutBox() const { return m_layout; }
    QCheckBox *claimsBox() const { return m_claims; }
    QCheckBox *coMentionBox() const { return m_coMention; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *exportButton() const { return m_export; }
    const ActorNetwork &network() const { return m_network; }
    const QList<NetworkNodeItem *> &nodeItems() const { return m_nodes; }
    const QList<NetworkEdgeItem *> &edgeItems() const { return m_edges; }
    NetworkNodeItem *nodeItem(qint64 actorId) const;

    // Reads the network from the store and lays it out again.
    void refresh();
    // The network with only the kinds of edges shown.
    ActorNetwork shownNetwork() const;
    // By the file name: .graphml, .gexf, .dot or .gv (NetworkWriter), .png
    // or .svg (the picture); false with the problem in the status line.
    bool exportTo(const QString &path);
    // The retrieval query for an actor's segments.
    static QString queryFor(const QString &actorName);
    // Asks for the segments of the actor (segmentsRequested).
    void activate(qint64 actorId);

Q_SIGNALS:
    void segmentsRequested(const QString &query);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyChanges(const ChangeSet &changes);
    void build(const NetworkLayout::Result &layout);
    void clearScene();
    void applyColours();
    QColor edgeColour(const ActorNetwork::Edge &edge) const;
    void updateEdgeVisibility();
    void updateHighlight();
    void chooseExport();
    bool writeFile(const QString &path, const QByteArray &bytes);
    bool writePicture(const QString &path);

    ProjectSession &m_session;
    QComboBox *m_layout = nullptr;
    QCheckBox *m_claims = nullptr;
    QCheckBox *m_coMention = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_status = nullptr;
    QGraphicsScene *m_scene = nullptr;
    NetworkView *m_view = nullptr;
    ActorNetwork m_network;
    QList<NetworkNodeItem *> m_nodes;
    QList<NetworkEdgeItem *> m_edges;
    NetworkNodeItem *m_hovered = nullptr;
    bool m_stale = false; // the store changed while the panel was hidden
    AnnotationVisibility m_visibility;
};
