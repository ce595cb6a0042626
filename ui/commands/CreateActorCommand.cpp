#include "CreateActorCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

CreateActorCommand::CreateActorCommand(ProjectStore &store, const Actor &actor,
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
            m_store.restoreActor(m_actor);
        else
            m_actor.id = m_store.addActor(m_actor);
    });
}

void CreateActorCommand::undo()
{
    attempt([this] { m_store.removeActor(m_actor.id); });
}
