#include "commands/MergeActorsCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>

MergeActorsCommand::MergeActorsCommand(ProjectSession &store, const Actor &kept,
                                       const Actor &dropped, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_kept(kept)
    , m_dropped(dropped)
{
    setText(QCoreApplication::translate("MergeActorsCommand", "Merge Actors"));
}

Actor MergeActorsCommand::current(const Actor &known) const
{
    const auto now = m_session.actors().get(known.id);
    if (!now)
        throw ConcurrentEditError::actor(known, std::nullopt);
    return *now;
}

void MergeActorsCommand::redo()
{
    // Recomputed each time: undo restored the dropped actor with its id.
    const auto merge = [this](const Actor &kept, const Actor &dropped) {
        m_merge = m_session.actors().merge(kept, dropped);
        m_kept = m_merge.kept;
        m_dropped = m_merge.dropped;
        remember(m_kept);
        m_done = true;
    };
    // The first time as the window showed them; later as this session left them.
    attempt(
        [&] { m_done ? merge(expected(m_kept), expected(m_dropped)) : merge(m_kept, m_dropped); },
        [&] { merge(current(m_kept), current(m_dropped)); });
}

void MergeActorsCommand::undo()
{
    attempt(
        [this] {
            ActorMerge merge = m_merge;
            merge.kept = expected(m_merge.kept);
            m_session.actors().undoMerge(merge);
            m_kept = current(m_kept);
            remember(m_kept);
            remember(m_dropped);
        },
        [this] {
            ActorMerge merge = m_merge;
            merge.kept = current(m_kept);
            m_session.actors().undoMerge(merge);
            m_kept = current(m_kept);
            remember(m_kept);
            remember(m_dropped);
        });
}
