#include "MergeActorsCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

MergeActorsCommand::MergeActorsCommand(ProjectStore &store, qint64 keptId, qint64 droppedId,
                                       ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_keptId(keptId)
    , m_droppedId(droppedId)
{
    setText(QCoreApplication::translate("MergeActorsCommand", "Merge Actors"));
}

void MergeActorsCommand::redo()
{
    // Recomputed each time: undo restored the dropped actor with its id.
    attempt([this] { m_merge = m_store.mergeActors(m_keptId, m_droppedId); });
}

void MergeActorsCommand::undo()
{
    attempt([this] { m_store.undoActorMerge(m_merge); });
}
