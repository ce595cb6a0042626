#include "commands/LinkActorCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

LinkActorCommand::LinkActorCommand(ProjectSession &store, qint64 annotationId, qint64 before,
                                   qint64 after, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_annotationId(annotationId)
    , m_before(before)
    , m_after(after)
{
    setText(after ? QCoreApplication::translate("LinkActorCommand", "Link Actor")
                  : QCoreApplication::translate("LinkActorCommand", "Unlink Actor"));
}

void LinkActorCommand::redo()
{
    attempt([this] { m_session.annotations().setActor(m_annotationId, m_after); });
}

void LinkActorCommand::undo()
{
    attempt([this] { m_session.annotations().setActor(m_annotationId, m_before); });
}
