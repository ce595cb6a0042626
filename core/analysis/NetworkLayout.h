#pragma once

#include "domain/AnalysisTables.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

// Places the actor network (AnalysisRepository::network) with the Graphviz
// library: each actor an ellipse of the size its picture needs, every claim
// and co-mention edge an edge, laid out by neato (stress majorization, the
// default: a social graph has no direction to rank by), fdp (springs) or
// dot (layers, speakers above their targets), without overlaps. Edges run
// from outline to outline, parallel edges apart: straight or bowed with
// neato and fdp, as splines around the nodes with dot (Graphviz 2.42's
// neato and fdp corrupt memory routing parallel edges as splines).
// Drawing arrows is the caller's.
//
// Coordinates are Graphviz points (1/72 inch) with y growing downwards, as
// in a QGraphicsScene. The same input gives the same layout: the start is
// seeded, never random. Throws ProjectError when Graphviz fails (its
// message, or a layout plugin that is not installed).
class NetworkLayout
{
public:
    enum class Engine
    {
        Neato,
        Fdp,
        Dot
    };
    struct Options
    {
        Engine engine = Engine::Neato;
        // The ellipse each actor is drawn as, by actor id; 36 × 36 when missing.
        QHash<qint64, QSizeF> sizes;
    };
    struct Node
    {
        qint64 actorId = 0;
        QPointF centre;
        QSizeF size;
    };
    struct Edge
    {
        int from = -1; // indices into Result::nodes; -1: an actor not in the network
        int to = -1;
        // A cubic Bézier spline: the start, then three points per segment
        // (two controls and the end); empty when Graphviz routed none.
        QList<QPointF> route;
    };
    struct Result
    {
        QList<Node> nodes; // in the network's order
        QList<Edge> edges; // one per network edge, in its order
        QRectF bounds; // every box and route
    };

    static Result layout(const ActorNetwork &network, const Options &options);
    static Result layout(const ActorNetwork &network); // neato, default sizes
    static const char *engineName(Engine engine);
};
