#include "LinkActorCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

LinkActorCommand::LinkActorCommand(ProjectStore &store, qint64 annotationId, qint64 before,
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
    attempt([this] { m_store.setAnnotationActor(m_annotationId, m_after); });
}

void LinkActorCommand::undo()
{
    attempt([this] { m_store.setAnnotationActor(m_annotationId, m_before); });
}
