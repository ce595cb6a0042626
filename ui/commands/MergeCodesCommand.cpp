#include "commands/MergeCodesCommand.h"

#include "store/ProjectSession.h"

MergeCodesCommand::MergeCodesCommand(ProjectSession &store, qint64 sourceId, qint64 targetId,
                                     const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_sourceId(sourceId)
    , m_targetId(targetId)
{
    setText(text);
}

void MergeCodesCommand::redo()
{
    attempt([this] { m_merge = m_session.codebook().mergeCodes(m_sourceId, m_targetId); });
}

void MergeCodesCommand::undo()
{
    attempt([this] { m_session.codebook().undoCodeMerge(m_merge); });
}
