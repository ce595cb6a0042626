#include "commands/EditCodeCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

EditCodeCommand::EditCodeCommand(ProjectSession &store, const Code &before, const Code &after,
                                 const QString &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_before(before)
    , m_after(after)
    , m_known(before)
{
    setText(text);
}

void EditCodeCommand::redo()
{
    apply(m_after, m_before);
}

void EditCodeCommand::undo()
{
    apply(m_before, m_after);
}

void EditCodeCommand::apply(Code &to, Code &from)
{
    CodebookRepository &codebook = m_session.codebook();
    attempt(
        [&] {
            codebook.updateCode(m_known, to);
            m_known = *codebook.code(m_known.id);
        },
        [&] {
            const auto now = codebook.code(m_known.id);
            if (!now)
                throw ConcurrentEditError::code(m_known, std::nullopt);
            Code mine = *now;
            if (to.name != from.name)
                mine.name = to.name;
            if (to.description != from.description)
                mine.description = to.description;
            if (to.colour != from.colour)
                mine.colour = to.colour;
            if (to.shortcut != from.shortcut)
                mine.shortcut = to.shortcut;
            codebook.updateCode(*now, mine);
            from = *now;
            to = mine;
            m_known = *codebook.code(m_known.id);
        });
}
