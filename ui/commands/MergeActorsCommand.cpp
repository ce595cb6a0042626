#include "commands/MergeActorsCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

MergeActorsCommand::MergeActorsCommand(ProjectSession &store, qint64 keptId, qint64 droppedId,
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
    attempt([this] { m_merge = m_session.actors().merge(m_keptId, m_droppedId); });
}

void MergeActorsCommand::undo()
{
    attempt([this] { m_session.actors().undoMerge(m_merge); });
}
