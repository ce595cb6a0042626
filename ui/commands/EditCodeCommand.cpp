#include "commands/EditCodeCommand.h"

#include "store/ProjectSession.h"

EditCodeCommand::EditCodeCommand(ProjectSession &store, const Code &before, const Code &after,
                                 const QString &text, ErrorHandler onError)
    : VersionedEditCommand(store, before, after, std::move(onError))
{
    setText(text);
}

std::optional<Code> EditCodeCommand::read(qint64 id) const
{
    return m_session.codebook().code(id);
}

ConcurrentEditError EditCodeCommand::conflict(const Code &seen,
                                              const std::optional<Code> &now) const
{
    return ConcurrentEditError::code(seen, now);
}

Code EditCodeCommand::merged(const Code &now, const Code &to, const Code &from) const
{
    Code mine = now;
    if (to.name != from.name)
        mine.name = to.name;
    if (to.description != from.description)
        mine.description = to.description;
    if (to.colour != from.colour)
        mine.colour = to.colour;
    if (to.shortcut != from.shortcut)
        mine.shortcut = to.shortcut;
    return mine;
}

void EditCodeCommand::update(const Code &now, const Code &mine)
{
    m_session.codebook().updateCode(now, mine);
}
