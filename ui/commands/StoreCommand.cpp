#include "commands/StoreCommand.h"

#include "base/ProjectError.h"
#include "store/ProjectSession.h"

StoreCommand::StoreCommand(ProjectSession &store, ErrorHandler onError, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_session(store)
    , m_onError(std::move(onError))
{
}

bool StoreCommand::attempt(const std::function<void()> &change)
{
    try {
        // Each step of a command is one user action: one unit of work,
        // committed whole or not at all, announced by one change event.
        UnitOfWork unit(m_session.database());
        change();
        unit.commit();
        return true;
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
        return false;
    }
}
