#include "EditCodeCommand.h"

#include "store/ProjectStore.h"

EditCodeCommand::EditCodeCommand(ProjectStore &store, const Code &before, const Code &after,
                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
{
    setText(text);
}

void EditCodeCommand::redo()
{
    attempt([this] { m_store.updateCode(m_after); });
}

void EditCodeCommand::undo()
{
    attempt([this] { m_store.updateCode(m_before); });
}
