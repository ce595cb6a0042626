#include "SqlTransaction.h"

#include "SqlQuery.h"
#include "SqliteDialect.h"

#include <QSqlQuery>

SqlTransaction::SqlTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    SqlQuery::run(m_db, SqliteDialect::beginWrite());
}

SqlTransaction::~SqlTransaction()
{
    if (!m_done) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

void SqlTransaction::commit()
{
    SqlQuery::run(m_db, QStringLiteral("COMMIT"));
    m_done = true;
}
