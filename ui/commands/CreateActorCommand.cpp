#include "commands/CreateActorCommand.h"

#include "store/ConcurrentEditError.h"
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
        m_actor = *m_session.actors().get(m_actor.id);
        remember(m_actor);
    });
}

void CreateActorCommand::undo()
{
    // Not if another coder renamed it or added an alias meanwhile, unless asked.
    ActorRepository &actors = m_session.actors();
    attempt([&] { actors.remove(expected(m_actor)); },
            [&] {
                const auto now = actors.get(m_actor.id);
                if (!now)
                    throw ConcurrentEditError::actor(m_actor, std::nullopt);
                m_actor = *now;
                actors.remove(m_actor);
            });
}
