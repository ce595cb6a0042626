#include "commands/CreateActorCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

CreateActorCommand::CreateActorCommand(ProjectSession &store, const Actor &actor,
                                       ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_actor(actor)
{
    setText(QCoreApplication::translate("CreateActorCommand", "New Actor “%1”").arg(actor.name));
}

void CreateActorCommand::redo()
{
    attempt([this] {
        if (m_actor.id)
            m_session.actors().restore(m_actor);
        else
            m_actor.id = m_session.actors().add(m_actor);
    });
}

void CreateActorCommand::undo()
{
    attempt([this] { m_session.actors().remove(m_actor.id); });
}
