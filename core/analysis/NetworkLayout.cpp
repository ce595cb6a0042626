#include "NetworkLayout.h"

#include "base/ProjectError.h"

#include <QMutex>
#include <QStringList>
#include <gvc.h>

namespace {
// Graphviz keeps its error handler and much else in globals: one layout at
// a time, and its messages collected here while it runs.
QMutex graphvizLock;
QStringList graphvizErrors;

int collectError(char *message)
{
    graphvizErrors << QString::fromUtf8(message).trimmed();
    return 0;
}

// Graphviz 2.42 takes names and values as char * but never writes them.
char *text(const char *s)
{
    return const_cast<char *>(s);
}

void set(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, text(name), text(value.constData()), text(""));
}

QByteArray inches(double points)
{
    return QByteArray::number(points / 72.0, 'f', 4);
}

// One Graphviz context for the process, as Graphviz intends: making one
// reads its plugin configuration (and leaks a little of it, in 2.42) every
// time. Freed at exit.
struct Context
{
    GVC_t *gvc = nullptr;
    ~Context()
    {
        if (gvc)
            gvFreeContext(gvc);
    }
};

GVC_t *context()
{
    static Context shared;
    if (!shared.gvc)
        shared.gvc = gvContext();
    return shared.gvc;
}

// A layout's graph, freed however the layout ends, and Graphviz's error
// handling as it was.
struct Session
{
    GVC_t *context = nullptr;
    Agraph_t *graph = nullptr;
    bool laidOut = false;
    agerrlevel_t level = agseterr(AGERR); // warnings (overlaps, fallbacks) are not failures
    agusererrf handler = agseterrf(collectError);

    ~Session()
    {
        if (laidOut)
            gvFreeLayout(context, graph);
        if (graph)
            agclose(graph);
        agseterrf(handler);
        agseterr(level);
    }
};

QPointF fromGraphviz(pointf p)
{
    return {p.x, -p.y};
}
} // namespace

const char *NetworkLayout::engineName(Engine engine)
{
    switch (engine) {
    case Engine::Neato:
        return "neato";
    case Engine::Fdp:
        return "fdp";
    case Engine::Dot:
        return "dot";
    }
    return "neato";
}

NetworkLayout::Result NetworkLayout::layout(const ActorNetwork &network)
{
    return layout(network, Options {});
}

NetworkLayout::Result NetworkLayout::layout(const ActorNetwork &network, const Options &options)
{
    Result result;
    if (network.nodes.isEmpty())
        return result;

    QMutexLocker locker(&graphvizLock);
    graphvizErrors.clear();
    Session gv;
    gv.context = context();
    if (!gv.context)
        throw ProjectError(QStringLiteral("Graphviz could not start"));
    gv.graph = agopen(text("actors"), Agdirected, nullptr);
    Agraph_t *g = gv.graph;
    // Defaults first: every node a fixed ellipse with no text (the caller
    // draws the labels), every edge without arrows; the random start of
    // neato and fdp from a fixed seed; components packed side by side.
    agattr(g, AGRAPH, text("splines"), text("true"));
    agattr(g, AGRAPH, text("overlap"), text("false"));
    agattr(g, AGRAPH, text("sep"), text("+12"));
    agattr(g, AGRAPH, text("start"), text("random1"));
    agattr(g, AGRAPH, text("pack"), text("true"));
    agattr(g, AGRAPH, text("nodesep"), text("0.4"));
    agattr(g, AGRAPH, text("ranksep"), text("0.7"));
    agattr(g, AGNODE, text("shape"), text("ellipse"));
    agattr(g, AGNODE, text("fixedsize"), text("true"));
    agattr(g, AGNODE, text("label"), text(""));
    agattr(g, AGNODE, text("width"), text("0.5"));
    agattr(g, AGNODE, text("height"), text("0.5"));
    agattr(g, AGEDGE, text("dir"), text("none"));
    agattr(g, AGEDGE, text("constraint"), text("true"));

    QHash<qint64, int> index;
    QList<Agnode_t *> nodes;
    for (const ActorNetwork::Node &n : network.nodes) {
        const QByteArray name = "a" + QByteArray::number(n.actorId);
        Agnode_t *node = agnode(g, text(name.constData()), 1);
        const QSizeF size = options.sizes.value(n.actorId, QSizeF(36, 36));
        set(node, "width", inches(size.width()));
        set(node, "height", inches(size.height()));
        index.insert(n.actorId, int(nodes.size()));
        nodes.append(node);
    }
    QList<Agedge_t *> edges;
    for (const ActorNetwork::Edge &e : network.edges) {
        const int from = index.value(e.from, -1);
        const int to = index.value(e.to, -1);
        Agedge_t *edge = nullptr;
        if (from >= 0 && to >= 0) {
            edge = agedge(g, nodes[from], nodes[to], nullptr, 1);
            // Layers follow who speaks about whom, not who appears with whom.
            if (e.type == ActorNetwork::Edge::Type::CoMention)
                set(edge, "constraint", "false");
        }
        edges.append(edge);
        result.edges.append(Edge {from, to, {}});
    }

    // Graphviz 2.42's neato and fdp write past their memory when they route
    // parallel edges around the nodes (splines=true or polyline): there,
    // edges run straight, parallel ones bowed apart. dot routes them well.
    if (options.engine != Engine::Dot)
        agsafeset(g, text("splines"), text("line"), text(""));
    const char *engine = engineName(options.engine);
    if (gvLayout(gv.context, g, engine) != 0) {
        throw ProjectError(QStringLiteral("Graphviz could not lay out the network with %1: %2")
                               .arg(QLatin1String(engine),
                                    graphvizErrors.isEmpty()
                                        ? QStringLiteral("no reason given")
                                        : graphvizErrors.join(QLatin1String("; "))));
    }
    gv.laidOut = true;

    QRectF bounds;
    for (qsizetype i = 0; i < network.nodes.size(); ++i) {
        Agnode_t *node = nodes[i];
        Node n;
        n.actorId = network.nodes[i].actorId;
        n.centre = fromGraphviz(ND_coord(node));
        n.size = QSizeF(ND_width(node) * 72.0, ND_height(node) * 72.0);
        bounds |= QRectF(n.centre - QPointF(n.size.width() / 2, n.size.height() / 2), n.size);
        result.nodes.append(n);
    }
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const splines *spline = edges[i] ? ED_spl(edges[i]) : nullptr;
        if (!spline || spline->size < 1 || spline->list[0].size < 4)
            continue;
        const bezier &curve = spline->list[0];
        QList<QPointF> &route = result.edges[i].route;
        for (int p = 0; p < curve.size; ++p)
            route.append(fromGraphviz(curve.list[p]));
        for (const QPointF &p : route)
            bounds |= QRectF(p, QSizeF(0, 0)).adjusted(-1, -1, 1, 1);
    }
    result.bounds = bounds;
    return result;
}
