#include "commands/AddCodeCommand.h"

#include "store/ConcurrentEditError.h"
#include "store/ProjectSession.h"

#include <QCoreApplication>

AddCodeCommand::AddCodeCommand(ProjectSession &store, const Code &code, int row, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_code(code)
    , m_row(row)
{
    setText(QCoreApplication::translate("AddCodeCommand", "Add Code “%1”").arg(code.name));
}

void AddCodeCommand::redo()
{
    attempt([this] {
        if (m_id == 0) {
            m_id = m_session.codebook().addCode(m_code);
            m_session.codebook().moveCode(m_id, m_code.categoryId, m_code.parentId, m_row);
        } else {
            m_session.codebook().restoreCode(m_removal);
        }
        m_code = *m_session.codebook().code(m_id);
        remember(m_code);
    });
}

void AddCodeCommand::undo()
{
    // Not if another coder renamed or used it meanwhile, unless asked.
    CodebookRepository &codebook = m_session.codebook();
    attempt([&] { m_removal = codebook.removeCode(expected(m_code)); },
            [&] {
                const auto now = codebook.code(m_id);
                if (!now)
                    throw ConcurrentEditError::code(m_code, std::nullopt);
                m_removal = codebook.removeCode(*now);
            });
}
