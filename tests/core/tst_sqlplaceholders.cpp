// SqlPlaceholders: the ? of a statement are found outside quotes, quoted
// identifiers and comments, numbered for PostgreSQL's PREPARE and filled
// with values, and a count that does not match is an error naming the
// statement.
#include "base/ProjectError.h"
#include "store/SqlPlaceholders.h"

#include <QTest>

class TestSqlPlaceholders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersOnlyRealPlaceholders();
    void replacesInOrder();
    void countMustMatch();
};

void TestSqlPlaceholders::numbersOnlyRealPlaceholders()
{
    QCOMPARE(
        SqlPlaceholders::numbered(QStringLiteral(
            "SELECT '?', \"a?b\" FROM t -- why?\nWHERE x = ? AND y IN (?, ?) AND z = 'it''s ?'")),
        QStringLiteral("SELECT '?', \"a?b\" FROM t -- why?\nWHERE x = $1 AND y IN ($2, $3) AND "
                       "z = 'it''s ?'"));
    QCOMPARE(SqlPlaceholders::numbered(QStringLiteral("SELECT 1 -- ?")),
             QStringLiteral("SELECT 1 -- ?"));
    const QString many = QStringList(12, QStringLiteral("?")).join(QLatin1Char(','));
    QVERIFY(SqlPlaceholders::numbered(many).endsWith(QStringLiteral("$11,$12")));
}

void TestSqlPlaceholders::replacesInOrder()
{
    const QString out = SqlPlaceholders::replace(
        QStringLiteral("INSERT INTO t VALUES (?, '?', ?)"), 2,
        [](int i) { return i == 0 ? QStringLiteral("'a?'") : QStringLiteral("42"); });
    QCOMPARE(out, QStringLiteral("INSERT INTO t VALUES ('a?', '?', 42)"));
}

void TestSqlPlaceholders::countMustMatch()
{
    const auto value = [](int) { return QStringLiteral("1"); };
    try {
        SqlPlaceholders::replace(QStringLiteral("SELECT ? + ?"), 1, value);
        QFAIL("more placeholders than values were accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(
                     QStringLiteral("more placeholders than values (in: SELECT ? + ?)")),
                 qPrintable(e.message()));
    }
    try {
        SqlPlaceholders::replace(QStringLiteral("SELECT '?'"), 1, value);
        QFAIL("a value without a placeholder was accepted");
    } catch (const ProjectError &e) {
        QVERIFY2(e.message().contains(QStringLiteral("1 values for 0 placeholders")),
                 qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestSqlPlaceholders)
#include "tst_sqlplaceholders.moc"
