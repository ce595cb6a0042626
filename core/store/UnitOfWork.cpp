#include "UnitOfWork.h"

#include "Database.h"

UnitOfWork::UnitOfWork(Database &db, Begin begin)
    : m_db(db)
{
    m_db.beginUnit(begin == Begin::WithFirstStatement);
}

UnitOfWork::~UnitOfWork()
{
    if (m_open)
        m_db.rollbackUnit();
}

void UnitOfWork::commit()
{
    const auto changes = m_db.commitUnit();
    m_open = false;
    if (changes)
        m_db.announce(*changes);
}

ChangeSet &UnitOfWork::changes()
{
    return m_db.changes();
}
