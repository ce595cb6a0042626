#include "commands/DeleteCodeCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

DeleteCodeCommand::DeleteCodeCommand(ProjectSession &store, const Code &code, const QString &text,
                                     ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_code(code)
{
    setText(text);
}

void DeleteCodeCommand::redo()
{
    CodebookRepository &codebook = m_session.codebook();
    const auto remove = [&](const Code &code) {
        m_removal = codebook.removeCode(code);
        m_code = m_removal.codes.constFirst(); // as it comes back on undo
        m_done = true;
    };
    // The first time as the window showed it; later as this session left it.
    attempt([&] { remove(m_done ? expected(m_code) : m_code); },
            [&] {
                const auto now = codebook.code(m_code.id);
                if (!now)
                    throw ConcurrentEditError::code(m_code, std::nullopt);
                remove(*now);
            });
}

void DeleteCodeCommand::undo()
{
    attempt([this] {
        m_session.codebook().restoreCode(m_removal);
        for (const Code &code : std::as_const(m_removal.codes))
            remember(code);
    });
}
