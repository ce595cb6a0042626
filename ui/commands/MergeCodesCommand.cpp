#include "commands/MergeCodesCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

MergeCodesCommand::MergeCodesCommand(ProjectSession &store, const Code &source, const Code &target,
                                     const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_source(source)
    , m_target(target)
{
    setText(text);
}

Code MergeCodesCommand::current(const Code &known) const
{
    const auto now = m_session.codebook().code(known.id);
    if (!now)
        throw ConcurrentEditError::code(known, std::nullopt);
    return *now;
}

void MergeCodesCommand::redo()
{
    const auto merge = [this](const Code &source, const Code &target) {
        m_merge = m_session.codebook().mergeCodes(source, target);
        // Undo brings the source back as the merge found it.
        m_source = m_merge.source;
        m_target = m_merge.target;
        remember(m_target);
        m_done = true;
    };
    // The first time as the window showed them; later as this session left them.
    attempt(
        [&] { m_done ? merge(expected(m_source), expected(m_target)) : merge(m_source, m_target); },
        [&] { merge(current(m_source), current(m_target)); });
}

void MergeCodesCommand::undo()
{
    attempt(
        [this] {
            CodeMerge merge = m_merge;
            merge.target = expected(m_merge.target);
            m_session.codebook().undoCodeMerge(merge);
            m_target = current(m_target);
            remember(m_target);
            remember(m_merge.source);
        },
        [this] {
            // Mine again: over the other coder's edit of the target and
            // moves of the source's sub-codes.
            CodeMerge merge = m_merge;
            merge.target = current(m_target);
            m_session.codebook().undoCodeMerge(merge, true);
            m_target = current(m_target);
            remember(m_target);
            remember(m_merge.source);
        });
}
