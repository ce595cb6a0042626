// The actor network laid out with Graphviz (NetworkLayout): every actor
// placed, at the size asked for, without overlaps; every edge routed from
// its speaker's outline to its target's, parallel edges apart; the same
// layout every time; dot puts speakers above their targets; an empty
// network and a network of one actor.
#include "analysis/NetworkLayout.h"

#include <QLineF>
#include <QTest>
#include <cmath>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using Type = ActorNetwork::Edge::Type;
Q_DECLARE_METATYPE(NetworkLayout::Engine)

class TestNetworkLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyNetwork();
    void oneActor();
    void smallNetwork_data();
    void smallNetwork();
    void sameLayoutEveryTime();
    void dotPutsSpeakersAboveTargets();
    void edgeToAnUnknownActorIsLeftOut();
    void manyParallelEdgesSafely_data();
    void manyParallelEdgesSafely();

private:
    static ActorNetwork small();
};

namespace {
ActorNetwork::Node node(qint64 id, const char *name, int mentions)
{
    ActorNetwork::Node n;
    n.actorId = id;
    n.name = QLatin1String(name);
    n.kind = QStringLiteral("person");
    n.mentions = mentions;
    return n;
}

ActorNetwork::Edge edge(Type type, qint64 from, qint64 to, const char *stance, int weight)
{
    ActorNetwork::Edge e;
    e.type = type;
    e.from = from;
    e.to = to;
    e.stance = QLatin1String(stance);
    e.weight = weight;
    return e;
}

// Where p lies against the node's ellipse: 1 on the outline, < 1 inside.
double ellipseValue(const NetworkLayout::Node &n, QPointF p)
{
    const double dx = (p.x() - n.centre.x()) / (n.size.width() / 2);
    const double dy = (p.y() - n.centre.y()) / (n.size.height() / 2);
    return std::sqrt(dx * dx + dy * dy);
}
} // namespace

// Five actors: Ann and Bob tied every way (two claims one way, one back, a
// co-mention), Ann -> Cem -> Dan, Dan about himself, Eve alone.
ActorNetwork TestNetworkLayout::small()
{
    ActorNetwork net;
    net.nodes = {node(11, "Ann", 5), node(12, "Bob", 3), node(13, "Cem", 1), node(14, "Dan", 0),
                 node(15, "Eve", 2)};
    net.edges = {edge(Type::Claim, 11, 12, "opposes", 1), edge(Type::Claim, 11, 12, "supports", 2),
                 edge(Type::Claim, 12, 11, "neutral", 1), edge(Type::Claim, 11, 13, "supports", 1),
                 edge(Type::Claim, 13, 14, "opposes", 1), edge(Type::Claim, 14, 14, "", 1),
                 edge(Type::CoMention, 11, 12, "", 3),    edge(Type::CoMention, 11, 13, "", 1),
                 edge(Type::CoMention, 13, 14, "", 2)};
    return net;
}

void TestNetworkLayout::emptyNetwork()
{
    const NetworkLayout::Result r = NetworkLayout::layout(ActorNetwork {});
    QVERIFY(r.nodes.isEmpty());
    QVERIFY(r.edges.isEmpty());
    QVERIFY(r.bounds.isNull());
}

void TestNetworkLayout::oneActor()
{
    ActorNetwork net;
    net.nodes = {node(7, "Solo", 4)};
    NetworkLayout::Options options;
    options.sizes.insert(7, QSizeF(90, 30));
    const NetworkLayout::Result r = NetworkLayout::layout(net, options);
    QCOMPARE(r.nodes.size(), 1);
    QCOMPARE(r.nodes[0].actorId, 7);
    // Graphviz sizes nodes in whole points.
    QVERIFY(std::abs(r.nodes[0].size.width() - 90) <= 1);
    QVERIFY(std::abs(r.nodes[0].size.height() - 30) <= 1);
    QVERIFY(std::isfinite(r.nodes[0].centre.x()) && std::isfinite(r.nodes[0].centre.y()));
    QVERIFY(r.bounds.contains(r.nodes[0].centre));
    QVERIFY(r.bounds.width() >= 89);
}

void TestNetworkLayout::smallNetwork_data()
{
    QTest::addColumn<NetworkLayout::Engine>("engine");
    QTest::newRow("neato") << NetworkLayout::Engine::Neato;
    QTest::newRow("fdp") << NetworkLayout::Engine::Fdp;
    QTest::newRow("dot") << NetworkLayout::Engine::Dot;
}

void TestNetworkLayout::smallNetwork()
{
    QFETCH(NetworkLayout::Engine, engine);
    const ActorNetwork net = small();
    NetworkLayout::Options options;
    options.engine = engine;
    for (const auto &n : net.nodes)
        options.sizes.insert(n.actorId, QSizeF(40 + 10 * n.mentions, 24 + 2 * n.mentions));
    const NetworkLayout::Result r = NetworkLayout::layout(net, options);

    QCOMPARE(r.nodes.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const NetworkLayout::Node &n = r.nodes[i];
        QCOMPARE(n.actorId, net.nodes[i].actorId);
        const QSizeF asked = options.sizes.value(n.actorId);
        QVERIFY(std::abs(n.size.width() - asked.width()) <= 1);
        QVERIFY(std::abs(n.size.height() - asked.height()) <= 1);
        QVERIFY(r.bounds.contains(n.centre));
        // No two actors overlap: no point of one's outline inside another.
        for (int j = 0; j < 5; ++j) {
            if (j == i)
                continue;
            for (int k = 0; k < 48; ++k) {
                const double a = k * 2 * M_PI / 48;
                const QPointF p = n.centre
                    + QPointF(std::cos(a) * n.size.width() / 2, std::sin(a) * n.size.height() / 2);
                QVERIFY2(ellipseValue(r.nodes[j], p) > 1.0,
                         qPrintable(QStringLiteral("actor %1 overlaps actor %2")
                                        .arg(n.actorId)
                                        .arg(r.nodes[j].actorId)));
            }
        }
    }

    QCOMPARE(r.edges.size(), net.edges.size());
    const auto at = [&](qint64 id) {
        for (int i = 0; i < r.nodes.size(); ++i) {
            if (r.nodes[i].actorId == id)
                return i;
        }
        return -1;
    };
    for (int i = 0; i < net.edges.size(); ++i) {
        const NetworkLayout::Edge &e = r.edges[i];
        QCOMPARE(e.from, at(net.edges[i].from));
        QCOMPARE(e.to, at(net.edges[i].to));
        QVERIFY2(e.route.size() >= 4 && (e.route.size() - 1) % 3 == 0,
                 qPrintable(QStringLiteral("edge %1 has %2 points").arg(i).arg(e.route.size())));
        // From the speaker's outline to the target's.
        const NetworkLayout::Node &from = r.nodes[e.from];
        const NetworkLayout::Node &to = r.nodes[e.to];
        QVERIFY2(std::abs(ellipseValue(from, e.route.first()) - 1) < 0.25,
                 qPrintable(QStringLiteral("edge %1 starts off its speaker").arg(i)));
        QVERIFY2(std::abs(ellipseValue(to, e.route.last()) - 1) < 0.25,
                 qPrintable(QStringLiteral("edge %1 ends off its target").arg(i)));
        for (const QPointF &p : e.route)
            QVERIFY(r.bounds.contains(p));
    }
    // Ann's two claims about Bob take different ways.
    const QPointF a = r.edges[0].route[r.edges[0].route.size() / 2];
    const QPointF b = r.edges[1].route[r.edges[1].route.size() / 2];
    QVERIFY2(QLineF(a, b).length() > 3, "parallel edges drawn on top of each other");
}

void TestNetworkLayout::sameLayoutEveryTime()
{
    const NetworkLayout::Result first = NetworkLayout::layout(small());
    const NetworkLayout::Result second = NetworkLayout::layout(small());
    QCOMPARE(first.nodes.size(), second.nodes.size());
    for (int i = 0; i < first.nodes.size(); ++i)
        QCOMPARE(first.nodes[i].centre, second.nodes[i].centre);
    for (int i = 0; i < first.edges.size(); ++i)
        QCOMPARE(first.edges[i].route, second.edges[i].route);
    // And the actors are spread out, not piled up.
    for (int i = 0; i < first.nodes.size(); ++i) {
        for (int j = i + 1; j < first.nodes.size(); ++j)
            QVERIFY(QLineF(first.nodes[i].centre, first.nodes[j].centre).length() > 30);
    }
}

void TestNetworkLayout::dotPutsSpeakersAboveTargets()
{
    NetworkLayout::Options options;
    options.engine = NetworkLayout::Engine::Dot;
    const NetworkLayout::Result r = NetworkLayout::layout(small(), options);
    // Ann -> Cem -> Dan: each a layer lower (y grows downwards).
    QVERIFY(r.nodes[2].centre.y() > r.nodes[0].centre.y());
    QVERIFY(r.nodes[3].centre.y() > r.nodes[2].centre.y());
}

void TestNetworkLayout::edgeToAnUnknownActorIsLeftOut()
{
    ActorNetwork net;
    net.nodes = {node(1, "One", 1), node(2, "Two", 1)};
    net.edges = {edge(Type::Claim, 1, 99, "supports", 1), edge(Type::Claim, 1, 2, "opposes", 1)};
    const NetworkLayout::Result r = NetworkLayout::layout(net);
    QCOMPARE(r.edges.size(), 2);
    QCOMPARE(r.edges[0].from, 0);
    QCOMPARE(r.edges[0].to, -1);
    QVERIFY(r.edges[0].route.isEmpty());
    QCOMPARE(r.edges[1].from, 0);
    QCOMPARE(r.edges[1].to, 1);
    // neato draws a lone edge straight.
    const QList<QPointF> &route = r.edges[1].route;
    QVERIFY(route.size() >= 4);
    const QLineF chord(route.first(), route.last());
    for (const QPointF &p : route) {
        const double off
            = std::abs((p.x() - chord.x1()) * chord.dy() - (p.y() - chord.y1()) * chord.dx())
            / chord.length();
        QVERIFY(off < 0.5);
    }
}

void TestNetworkLayout::manyParallelEdgesSafely_data()
{
    smallNetwork_data();
}

void TestNetworkLayout::manyParallelEdgesSafely()
{
    // Graphviz 2.42's neato and fdp wrote past their memory routing
    // parallel edges as splines; with glibc filling fresh and freed memory,
    // that crashed or corrupted the routes within a few layouts of a
    // network like this: twelve actors, a hundred edges, many between the
    // same two.
    QFETCH(NetworkLayout::Engine, engine);
    ActorNetwork net;
    for (int i = 1; i <= 12; ++i)
        net.nodes.append(node(i, "actor", i % 5));
    quint32 seed = 7;
    const auto next = [&seed](int n) {
        seed = seed * 1103515245 + 12345;
        return int((seed >> 16) % n);
    };
    for (int i = 0; i < 100; ++i) {
        net.edges.append(edge(next(3) ? Type::CoMention : Type::Claim, 1 + next(12), 1 + next(12),
                              "supports", 1));
    }
#ifdef __GLIBC__
    struct Perturbed
    {
        Perturbed() { mallopt(M_PERTURB, 77); }
        ~Perturbed() { mallopt(M_PERTURB, 0); }
    } perturbed;
#endif
    NetworkLayout::Options options;
    options.engine = engine;
    for (int round = 0; round < 10; ++round) {
        const NetworkLayout::Result r = NetworkLayout::layout(net, options);
        QCOMPARE(r.edges.size(), net.edges.size());
        for (const NetworkLayout::Edge &e : r.edges)
            QVERIFY(e.route.size() >= 4 && r.bounds.contains(e.route.first()));
    }
}

QTEST_GUILESS_MAIN(TestNetworkLayout)
#include "tst_networklayout.moc"
