// Statements kept prepared on the PostgreSQL server (ServerStatements,
// through SqlQuery): prepared on their second run on a connection, run by
// name after that with the same results, never at the cost of the open
// transaction, and forgotten when the connection opens again. Registered
// only as tst_serverstatements_pg (scripts/with-postgres). The statements
// of every annotation keep one plan once PostgreSQL settles on it.
#include "NewSpan.h"
#include "TestProject.h"
#include "store/ProjectSession.h"
#include "store/SqlQuery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace {
// The statements this connection's server holds prepared, by their text.
QStringList prepared(const QSqlDatabase &db)
{
    // Not through SqlQuery, which would prepare this one too.
    QStringList texts;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT statement FROM pg_prepared_statements WHERE statement "
                               "LIKE 'PREPARE framewise_%' ORDER BY prepare_time, name")))
        qFatal("%s", qPrintable(q.lastError().text()));
    while (q.next())
        texts << q.value(0).toString();
    return texts;
}

QVariantList column(SqlQuery &q)
{
    QVariantList values;
    while (q.next())
        values << q.value(0);
    return values;
}
} // namespace

class TestServerStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void preparedOnSecondRunWithSameResults();
    void valuesStayValuesWhenRunByName();
    void unpreparableStatementKeepsTheTransaction();
    void reconnectionForgetsThem();
    void atMostFiveHundredPerConnection();
    void annotatingPlansItsStatementsOnce();

private:
    QSqlDatabase db() { return m_session->database().connection(); }

    std::unique_ptr<TestProject> m_project;
    std::unique_ptr<ProjectSession> m_session;
};

void TestServerStatements::initTestCase()
{
    QVERIFY2(TestProject::onPostgres(),
             "tst_serverstatements runs as tst_serverstatements_pg "
             "only (FRAMEWISE_TEST_BACKEND=postgresql)");
}

void TestServerStatements::init()
{
    m_project = std::make_unique<TestProject>();
    REQUIRE_BACKEND(*m_project);
    m_session = ProjectSession::open(m_project->location(QStringLiteral("statements")),
                                     ProjectSession::OpenMode::CreateIfMissing);
    for (const char *name : {"Conflict", "Security", "Economy"})
        m_session->codebook().ensureCode(QString::fromLatin1(name));
}

void TestServerStatements::cleanup()
{
    m_session.reset();
    m_project.reset();
}

void TestServerStatements::preparedOnSecondRunWithSameResults()
{
    REQUIRE_BACKEND(*m_project);
    const QString sql = QStringLiteral("SELECT name FROM codes WHERE name <> ? ORDER BY name");
    const auto run = [&] {
        SqlQuery q(db(), sql);
        q.bind(QStringLiteral("Security")).exec();
        return column(q);
    };
    const QStringList before = prepared(db());
    const QVariantList first = run();
    QCOMPARE(first, (QVariantList {QStringLiteral("Conflict"), QStringLiteral("Economy")}));
    QCOMPARE(prepared(db()), before); // once: not worth preparing

    QCOMPARE(run(), first);
    const QStringList after = prepared(db());
    QCOMPARE(after.size(), before.size() + 1);
    QVERIFY2(after.constLast().endsWith(
                 QStringLiteral("AS SELECT name FROM codes WHERE name <> $1 ORDER BY name")),
             qPrintable(after.constLast()));
    QCOMPARE(run(), first); // by name
    QCOMPARE(prepared(db()).size(), after.size());
}

void TestServerStatements::valuesStayValuesWhenRunByName()
{
    REQUIRE_BACKEND(*m_project);
    SqlQuery::run(db(),
                  QStringLiteral("CREATE TEMP TABLE scratch (t TEXT, n BIGINT, d DOUBLE "
                                 "PRECISION, b BYTEA)"));
    const QString insert = QStringLiteral("INSERT INTO scratch(t, n, d, b) VALUES (?, ?, ?, ?)");
    const QList<QString> texts
        = {QStringLiteral("it's \"odd\" -- /* no */ \\ $$ ? $1"),
           QStringLiteral("naïve 👩🏽‍🔬 مرحبا 한국"), QString()};
    for (const QString &t : texts) {
        SqlQuery q(db(), insert);
        q.bind(t).bind(qint64(-9007199254740993)).bind(0.1).bind(QByteArray("\0'\\x", 4)).exec();
    }
    SqlQuery q(db(), QStringLiteral("SELECT t, n, d, b FROM scratch ORDER BY ctid"));
    q.exec();
    for (const QString &t : texts) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), t.isNull() ? QStringLiteral("") : t);
        QCOMPARE(q.value(1).toLongLong(), qint64(-9007199254740993));
        QCOMPARE(q.value(2).toDouble(), 0.1);
        QCOMPARE(q.value(3).toByteArray(), QByteArray("\0'\\x", 4));
    }
    QVERIFY(prepared(db()).constLast().contains(QStringLiteral("VALUES ($1, $2, $3, $4)")));
}

void TestServerStatements::unpreparableStatementKeepsTheTransaction()
{
    REQUIRE_BACKEND(*m_project);
    // PostgreSQL cannot tell the type of $1 here, so PREPARE fails; inside
    // the transaction that must not abort it.
    const QString sql = QStringLiteral("SELECT ? IS NULL");
    const QStringList before = prepared(db());
    QVERIFY(db().transaction());
    SqlQuery::run(db(), QStringLiteral("CREATE TEMP TABLE kept (n INT)"));
    for (int i = 0; i < 3; ++i) {
        SqlQuery q(db(), sql);
        q.bind(i == 1 ? QVariant() : QVariant(QStringLiteral("x"))).exec();
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toBool(), i == 1);
    }
    SqlQuery::run(db(), QStringLiteral("INSERT INTO kept VALUES (1)"));
    QVERIFY(db().commit());
    QCOMPARE(SqlQuery::scalar(db(), QStringLiteral("SELECT count(*) FROM kept")).toInt(), 1);
    QCOMPARE(prepared(db()), before);
}

void TestServerStatements::reconnectionForgetsThem()
{
    REQUIRE_BACKEND(*m_project);
    const QString sql = QStringLiteral("SELECT count(*) FROM codes WHERE id > ?");
    const auto count = [&] {
        SqlQuery q(db(), sql);
        q.bind(qint64(0)).exec();
        return q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(count(), 3);
    QCOMPARE(count(), 3);
    QVERIFY(prepared(db()).join(QLatin1Char('\n')).contains(QStringLiteral("id > $1")));

    // The new server session holds none of them; each runs as it did.
    QString error;
    QVERIFY2(m_session->database().reconnect(&error), qPrintable(error));
    QVERIFY(!prepared(db()).join(QLatin1Char('\n')).contains(QStringLiteral("id > $1")));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(count(), 3);
    QVERIFY(prepared(db()).join(QLatin1Char('\n')).contains(QStringLiteral("id > $1")));
}

void TestServerStatements::atMostFiveHundredPerConnection()
{
    REQUIRE_BACKEND(*m_project);
    // Statements differing only in their number of values, as IN lists are.
    for (int n = 1; n <= 520; ++n) {
        const QString sql = QStringLiteral("SELECT count(*) FROM codes WHERE id IN (%1)")
                                .arg(QStringList(n, QStringLiteral("?")).join(QLatin1Char(',')));
        for (int run = 0; run < 2; ++run) {
            SqlQuery q(db(), sql);
            for (int i = 0; i < n; ++i)
                q.bind(qint64(i + 1));
            q.exec();
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), std::min(n, 3));
        }
    }
    QCOMPARE(prepared(db()).size(), 500);
}

void TestServerStatements::annotatingPlansItsStatementsOnce()
{
    REQUIRE_BACKEND(*m_project);
    // PostgreSQL plans a prepared statement afresh for its first five runs,
    // then keeps one generic plan unless that looks dearer than planning
    // each time. A statement on the path of every annotation that it keeps
    // planning costs its time at every commit (the lookup that reserves
    // the new ids did, guessed at 1,000 rows).
    // One annotation in each of 16 articles: each new article's text is
    // looked up (the texts of those already seen are kept).
    const qint64 code = m_session->codebook().codes().constFirst().id;
    for (int i = 0; i < 16; ++i) {
        Article a;
        a.title = QStringLiteral("Planned %1").arg(i);
        a.text = QStringLiteral("Article %1: coders coded the same sentence again. ").arg(i);
        const qint64 article = m_session->articles().add(a).id;
        m_session->annotations().add(newSpan(article, i, i + 5, code));
        m_session->annotations().add(newSpan(article, i + 1, i + 6, code));
    }

    QSqlQuery q(db());
    QVERIFY(q.exec(
        QStringLiteral("SELECT statement, generic_plans, custom_plans "
                       "FROM pg_prepared_statements WHERE statement "
                       "LIKE 'PREPARE framewise_%' AND generic_plans + custom_plans >= 12")));
    QStringList seen;
    while (q.next()) {
        seen << q.value(0).toString();
        QVERIFY2(q.value(2).toInt() <= 5,
                 qPrintable(QStringLiteral("planned %1 times of %2: %3")
                                .arg(q.value(2).toInt())
                                .arg(q.value(1).toInt() + q.value(2).toInt())
                                .arg(q.value(0).toString())));
    }
    // The lookup and both INSERTs ran by name at least twelve times.
    QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char('\n'))));
    QVERIFY2(seen.join(QLatin1Char('\n')).contains(QStringLiteral("nextval")),
             qPrintable(seen.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestServerStatements)
#include "tst_serverstatements.moc"
