#include "commands/VersionLedger.h"

#include "store/ProjectSession.h"

VersionLedger::VersionLedger(ProjectSession &session)
    : QObject(&session)
{
}

VersionLedger &VersionLedger::of(ProjectSession &session)
{
    if (auto *ledger = session.findChild<VersionLedger *>(QString(), Qt::FindDirectChildrenOnly))
        return *ledger;
    return *new VersionLedger(session);
}

int VersionLedger::version(ConcurrentEditError::Subject subject, qint64 id, int fallback) const
{
    return m_versions.value({int(subject), id}, fallback);
}

void VersionLedger::record(ConcurrentEditError::Subject subject, qint64 id, int version)
{
    m_versions.insert({int(subject), id}, version);
}
