// What a commit on a team project changed, as text (ChangeSetCodec) and as
// the PostgreSQL notification payloads that carry it (ChangeNotifications):
// round trips, compactness, pieces under the server's payload limit put
// back together, and damaged payloads refused. tst_live_pg sends them
// through a real server.
#include "ChangeSetText.h"
#include "base/ProjectError.h"
#include "store/ChangeNotifications.h"
#include "store/ChangeSetCodec.h"

#include <QRandomGenerator>
#include <QTest>

namespace {
using A = ChangeSet::Aggregate;

// A change set touching every kind of set, with ids from a seeded generator.
ChangeSet randomChanges(quint32 seed, int perSet)
{
    QRandomGenerator random(seed);
    ChangeSet changes;
    const auto id = [&] { return qint64(random.bounded(1, 1 << 30)); };
    for (int i = 0; i < ChangeSet::aggregateCount; ++i) {
        for (int n = random.bounded(perSet + 1); n > 0; --n) {
            switch (random.bounded(3)) {
            case 0:
                changes.add(A(i), id());
                break;
            case 1:
                changes.modify(A(i), id());
                break;
            default:
                changes.remove(A(i), id());
            }
        }
    }
    for (int n = random.bounded(perSet + 1); n > 0; --n) {
        changes.touchAnnotationsOf(id());
        changes.touchCodeUsage(id());
        changes.touchActorUsage(id());
    }
    return changes;
}

// Feeds the pieces of one change set, as sender, in order.
std::optional<ChangeSet> feed(ChangeNotifications &receiver, qint64 sender,
                              const QList<QByteArray> &pieces)
{
    std::optional<ChangeSet> result;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        result = receiver.receive(QByteArray::number(sender) + ' ' + pieces[i]);
        if (i + 1 < pieces.size() && result)
            return std::nullopt; // complete too early: wrong
    }
    return result;
}
} // namespace

class TestChangeNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEverySet();
    void roundTripOfRandomChangeSets();
    void consecutiveIdsTakeTwoBytesEach();
    void damagedTextIsRefused_data();
    void damagedTextIsRefused();
    void bigChangeSetGoesInPiecesUnderTheLimit();
    void piecesOfTwoSendersAreKeptApart();
    void pieceOutOfTurnIsRefused();
    void headerIsChecked_data();
    void headerIsChecked();
};

void TestChangeNotifications::roundTripKeepsEverySet()
{
    ChangeSet changes;
    changes.add(A::Annotation, 100);
    changes.add(A::Annotation, 101);
    changes.add(A::Annotation, 102);
    changes.modify(A::Annotation, 7);
    changes.remove(A::Annotation, 3);
    changes.add(A::Code, 1);
    changes.modify(A::Category, 2);
    changes.remove(A::Actor, 9);
    changes.add(A::Memo, 4);
    changes.modify(A::Adjudication, qint64(1) << 40);
    changes.remove(A::Article, 5);
    changes.touchAnnotationsOf(11);
    changes.touchAnnotationsOf(12);
    changes.touchCodeUsage(1);
    changes.touchActorUsage(9);
    changes.touchSetting(QStringLiteral("blind_coding"));
    changes.touchSetting(QStringLiteral("saved query; “odd”, key"));
    changes.touchSetting(QString());

    const QByteArray text = ChangeSetCodec::encode(changes);
    QCOMPARE(changeSetText(ChangeSetCodec::decode(text)), changeSetText(changes));
    // Plain ASCII, sorted: the same change set is always the same text.
    for (char c : text)
        QVERIFY(uchar(c) > ' ' && uchar(c) < 0x7f);
    QVERIFY(text.contains(";e+2s,1,1;e~7;e-3;"));
    QCOMPARE(ChangeSetCodec::encode(ChangeSetCodec::decode(text)), text);
    QCOMPARE(changeSetText(ChangeSetCodec::decode(QByteArray())), QString());
}

void TestChangeNotifications::roundTripOfRandomChangeSets()
{
    for (quint32 seed = 1; seed <= 200; ++seed) {
        const ChangeSet changes = randomChanges(seed, 30);
        const ChangeSet back = ChangeSetCodec::decode(ChangeSetCodec::encode(changes));
        QCOMPARE(changeSetText(back), changeSetText(changes));
    }
}

void TestChangeNotifications::consecutiveIdsTakeTwoBytesEach()
{
    ChangeSet changes;
    for (qint64 id = 50000; id < 52000; ++id)
        changes.add(A::Annotation, id);
    changes.touchAnnotationsOf(17);
    changes.touchCodeUsage(3);
    const QByteArray text = ChangeSetCodec::encode(changes);
    QVERIFY2(text.size() < 2 * 2000 + 20, text.left(80).constData());
}

void TestChangeNotifications::damagedTextIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("unknown section") << QByteArray("x1");
    QTest::newRow("unknown kind") << QByteArray("e*1");
    QTest::newRow("aggregate past the last") << QByteArray("z+1");
    QTest::newRow("no ids") << QByteArray("e+");
    QTest::newRow("no article ids") << QByteArray("A");
    QTest::newRow("not an id") << QByteArray("e+1,!");
    QTest::newRow("ids out of order") << QByteArray("C5,0");
    QTest::newRow("empty section") << QByteArray("e+1;;C1");
}

void TestChangeNotifications::damagedTextIsRefused()
{
    QFETCH(QByteArray, text);
    try {
        ChangeSetCodec::decode(text);
        QFAIL("decoded a damaged text");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QLatin1String("damaged")), qPrintable(e.message()));
    }
}

void TestChangeNotifications::bigChangeSetGoesInPiecesUnderTheLimit()
{
    // Scattered ids do not shrink: over 24,000 bytes of text.
    const ChangeSet changes = randomChanges(7, 900);
    const QByteArray text = ChangeSetCodec::encode(changes);
    QVERIFY(text.size() > 3 * ChangeNotifications::payloadLimit);
    const QList<QByteArray> pieces = ChangeNotifications::pieces(changes, 12);
    QVERIFY(pieces.size() >= 4);
    const QByteArray longestSender = QByteArray::number(std::numeric_limits<qint64>::max()) + ' ';
    for (const QByteArray &piece : pieces)
        QVERIFY(longestSender.size() + piece.size() <= ChangeNotifications::payloadLimit);
    QVERIFY(pieces.first().startsWith("12 1/"));

    ChangeNotifications receiver;
    const auto back = feed(receiver, 4242, pieces);
    QVERIFY(back);
    QCOMPARE(changeSetText(*back), changeSetText(changes));

    // A small change set is one payload; a small limit cuts even that.
    ChangeSet one;
    one.add(A::Memo, 3);
    QCOMPARE(ChangeNotifications::pieces(one, 1), QList<QByteArray> {"1 1/1 g+3"});
    const QList<QByteArray> tiny = ChangeNotifications::pieces(changes, 3, 60);
    QVERIFY(tiny.size() > 100);
    const auto again = feed(receiver, 4242, tiny);
    QVERIFY(again);
    QCOMPARE(changeSetText(*again), changeSetText(changes));
}

void TestChangeNotifications::piecesOfTwoSendersAreKeptApart()
{
    const ChangeSet first = randomChanges(1, 200);
    const ChangeSet second = randomChanges(2, 200);
    const QList<QByteArray> a = ChangeNotifications::pieces(first, 5, 500);
    const QList<QByteArray> b = ChangeNotifications::pieces(second, 5, 500);
    QVERIFY(a.size() > 2 && b.size() > 2);
    ChangeNotifications receiver;
    std::optional<ChangeSet> fromA, fromB;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (i < a.size() && (fromA = receiver.receive("11 " + a[i])))
            QCOMPARE(i, a.size() - 1);
        if (i < b.size() && (fromB = receiver.receive("22 " + b[i])))
            QCOMPARE(i, b.size() - 1);
    }
    QVERIFY(fromA && fromB);
    QCOMPARE(changeSetText(*fromA), changeSetText(first));
    QCOMPARE(changeSetText(*fromB), changeSetText(second));
}

void TestChangeNotifications::pieceOutOfTurnIsRefused()
{
    const ChangeSet changes = randomChanges(3, 200);
    const QList<QByteArray> pieces = ChangeNotifications::pieces(changes, 9, 500);
    QVERIFY(pieces.size() > 3);
    ChangeNotifications receiver;
    QVERIFY(!receiver.receive("7 " + pieces[0]));
    QVERIFY_THROWS_EXCEPTION(ProjectError, receiver.receive("7 " + pieces[2]));
    // The unfinished one is forgotten; the sender's next change set is whole.
    QVERIFY_THROWS_EXCEPTION(ProjectError, receiver.receive("7 " + pieces[3]));
    const auto next = feed(receiver, 7, ChangeNotifications::pieces(changes, 10, 500));
    QVERIFY(next);
    QCOMPARE(changeSetText(*next), changeSetText(changes));
}

void TestChangeNotifications::headerIsChecked_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("no header") << QByteArray("e+1");
    QTest::newRow("no count") << QByteArray("5 1 1 e+1");
    QTest::newRow("sender not a number") << QByteArray("x 1 1/1 e+1");
    QTest::newRow("piece 0") << QByteArray("5 1 0/1 e+1");
    QTest::newRow("piece past count") << QByteArray("5 1 2/1 e+1");
    QTest::newRow("damaged text") << QByteArray("5 1 1/1 e+1,0");
}

void TestChangeNotifications::headerIsChecked()
{
    QFETCH(QByteArray, payload);
    ChangeNotifications receiver;
    QVERIFY_THROWS_EXCEPTION(ProjectError, receiver.receive(payload));
    QCOMPARE(ChangeNotifications::senderOf("5 1 1/1 e+1"), 5);
    QCOMPARE(ChangeNotifications::senderOf("e+1"), 0);
}

QTEST_GUILESS_MAIN(TestChangeNotifications)
#include "tst_changenotifications.moc"
