#include "commands/EditCodeCommand.h"

#include "store/ProjectSession.h"

EditCodeCommand::EditCodeCommand(ProjectSession &store, const Code &before, const Code &after,
                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(text);
}

void EditCodeCommand::redo()
{
    attempt([this] { m_session.codebook().updateCode(m_after); });
}

void EditCodeCommand::undo()
{
    attempt([this] { m_session.codebook().updateCode(m_before); });
}
