#include "StatementGuard.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

// Words of the statement, upper-cased, skipping comments and white space;
// stops at the first string literal or after `limit` words.
QStringList leadingWords(const QString &sql, int limit, QChar *after = nullptr)
{
    QStringList words;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n && words.size() < limit) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c.isLetterOrNumber() || c == QLatin1Char('_')) {
            const qsizetype start = i;
            while (i < n && (sql.at(i).isLetterOrNumber() || sql.at(i) == QLatin1Char('_')))
                ++i;
            words.append(sql.mid(start, i - start).toUpper());
        } else if (c == QLatin1Char('.')) {
            ++i; // schema.name
        } else {
            break;
        }
    }
    if (after) {
        while (i < n && sql.at(i).isSpace())
            ++i;
        *after = i < n ? sql.at(i) : QChar();
    }
    return words;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("StatementGuard", text);
}

} // namespace

QString StatementGuard::leadingKeyword(const QString &statement)
{
    return leadingWords(statement, 1).value(0);
}

QString StatementGuard::refusal(const QString &statement)
{
    QChar next;
    const QStringList words = leadingWords(statement, 4, &next);
    const QString first = words.value(0);
    if (first == QLatin1String("SELECT") || first == QLatin1String("VALUES") || first == QLatin1String("WITH"))
        return {};
    if (first == QLatin1String("EXPLAIN")) {
        // EXPLAIN [QUERY PLAN] statement: the statement itself must be a query.
        const int skip = words.value(1) == QLatin1String("QUERY") ? 3 : 1;
        QString rest = statement;
        for (int w = 0; w < skip; ++w) {
            const qsizetype at = rest.indexOf(words.value(w), 0, Qt::CaseInsensitive);
            rest = rest.mid(at + words.value(w).size());
        }
        const QString inner = leadingKeyword(rest);
        if (inner == QLatin1String("SELECT") || inner == QLatin1String("WITH") || inner == QLatin1String("VALUES"))
            return {};
        return tr("Only queries can be explained in the read-only console.");
    }
    if (first == QLatin1String("PRAGMA")) {
        // PRAGMA [schema.]name [= value | (argument)]
        const QString pragma = words.value(words.size() - 1);
        if (next == QLatin1Char('='))
            return tr("PRAGMA … = value changes settings of the project; the console only reads.");
        static const QStringList tableValued = {
            QStringLiteral("TABLE_INFO"),      QStringLiteral("TABLE_XINFO"),
            QStringLiteral("INDEX_LIST"),      QStringLiteral("INDEX_INFO"),
            QStringLiteral("INDEX_XINFO"),     QStringLiteral("FOREIGN_KEY_LIST"),
            QStringLiteral("FOREIGN_KEY_CHECK"), QStringLiteral("INTEGRITY_CHECK"),
            QStringLiteral("QUICK_CHECK"),     QStringLiteral("TABLE_LIST")};
        if (next == QLatin1Char('(') && !tableValued.contains(pragma))
            return tr("PRAGMA %1(…) may change settings of the project; the console only reads.")
                .arg(pragma.toLower());
        static const QStringList sideEffects = {
            QStringLiteral("OPTIMIZE"), QStringLiteral("WAL_CHECKPOINT"), QStringLiteral("SHRINK_MEMORY"),
            QStringLiteral("INCREMENTAL_VACUUM"), QStringLiteral("QUERY_ONLY"), QStringLiteral("WRITABLE_SCHEMA")};
        if (sideEffects.contains(pragma))
            return tr("PRAGMA %1 is not available in the read-only console.").arg(pragma.toLower());
        return {};
    }
    if (first.isEmpty())
        return tr("This is not a query the console can run.");
    static const QStringList changes = {QStringLiteral("INSERT"), QStringLiteral("REPLACE"),
                                        QStringLiteral("UPDATE"), QStringLiteral("DELETE"),
                                        QStringLiteral("UPSERT")};
    static const QStringList schema = {QStringLiteral("CREATE"), QStringLiteral("DROP"),
                                       QStringLiteral("ALTER"), QStringLiteral("REINDEX"),
                                       QStringLiteral("ANALYZE"), QStringLiteral("VACUUM")};
    static const QStringList connection = {QStringLiteral("ATTACH"), QStringLiteral("DETACH")};
    if (changes.contains(first))
        return tr("%1 changes data; the console is read-only and changed nothing. Code and edit in the "
                  "workbench instead.").arg(first);
    if (schema.contains(first))
        return tr("%1 changes the structure of the project; the console is read-only and changed "
                  "nothing.").arg(first);
    if (connection.contains(first))
        return tr("%1 opens or closes other database files; the console only reads this project.")
            .arg(first);
    return tr("%1 statements cannot run in the read-only console; use SELECT, WITH, VALUES, "
              "EXPLAIN or a reading PRAGMA.").arg(first);
}
