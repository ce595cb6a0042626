#include "StatementGuard.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StatementGuard", text);
}

} // namespace

QString StatementGuard::leadingKeyword(const QString &sql)
{
    const QString rest = head(sql);
    qsizetype i = 0;
    while (i < rest.size() && (rest.at(i).isLetter() || rest.at(i) == QLatin1Char('_')))
        ++i;
    return rest.left(i).toUpper();
}

QString StatementGuard::head(const QString &sql)
{
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        const QChar c = sql.at(i);
        if (c.isSpace() || c == QLatin1Char(';')) {
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && sql.at(i + 1) == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    qsizetype end = i;
    while (end < n && end - i < 60 && sql.at(end) != QLatin1Char('(') && sql.at(end) != QLatin1Char(';')
           && sql.at(end) != QLatin1Char('\n'))
        ++end;
    return sql.mid(i, end - i).simplified();
}

QString StatementGuard::refusal(const QString &statement)
{
    const QString first = leadingKeyword(statement);
    const QString quoted = QStringLiteral("“%1”").arg(head(statement));
    static const QStringList changes = {QStringLiteral("INSERT"), QStringLiteral("REPLACE"),
                                        QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
    static const QStringList schema = {QStringLiteral("CREATE"), QStringLiteral("DROP"),
                                       QStringLiteral("ALTER"), QStringLiteral("REINDEX"),
                                       QStringLiteral("ANALYZE")};
    static const QStringList connection = {QStringLiteral("ATTACH"), QStringLiteral("DETACH")};
    static const QStringList transaction = {
        QStringLiteral("BEGIN"),    QStringLiteral("COMMIT"),    QStringLiteral("END"),
        QStringLiteral("ROLLBACK"), QStringLiteral("SAVEPOINT"), QStringLiteral("RELEASE")};
    if (changes.contains(first))
        return tr("%1 would change data; the console is read-only and changed nothing. Code and "
                  "edit in the workbench instead.").arg(quoted);
    if (schema.contains(first))
        return tr("%1 would change the structure of the project; the console is read-only and "
                  "changed nothing.").arg(quoted);
    if (connection.contains(first))
        return tr("%1 opens or closes other database files; the console only reads this project "
                  "and changed nothing.").arg(quoted);
    if (transaction.contains(first))
        return tr("%1 is not available in the read-only console: it runs each query on its own "
                  "and never writes. Nothing was changed.").arg(quoted);
    if (first == QLatin1String("VACUUM"))
        return tr("VACUUM rewrites the project file (VACUUM INTO writes a copy of it); the console "
                  "is read-only and changed nothing.");
    return {};
}
