#include "StoreCommand.h"

#include "base/ProjectError.h"

StoreCommand::StoreCommand(ProjectStore &store, ErrorHandler onError, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_store(store)
    , m_onError(std::move(onError))
{
}

bool StoreCommand::attempt(const std::function<void()> &change)
{
    try {
        change();
        return true;
    } catch (const ProjectError &e) {
        setObsolete(true);
        if (m_onError)
            m_onError(e.message());
        return false;
    }
}
