#include "commands/EditActorCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

EditActorCommand::EditActorCommand(ProjectSession &store, const Actor &before, const Actor &after,
                                   ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(before.name != after.name
                ? QCoreApplication::translate("EditActorCommand", "Rename Actor")
                : QCoreApplication::translate("EditActorCommand", "Edit Actor"));
}

void EditActorCommand::redo()
{
    attempt([this] { m_session.actors().update(m_after); });
}

void EditActorCommand::undo()
{
    attempt([this] { m_session.actors().update(m_before); });
}
