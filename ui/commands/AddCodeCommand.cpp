#include "AddCodeCommand.h"

#include "store/ProjectStore.h"

#include <QCoreApplication>

AddCodeCommand::AddCodeCommand(ProjectStore &store, const Code &code, int row, ErrorHandler onError)
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
            m_id = m_store.addCode(m_code);
            m_store.moveCode(m_id, m_code.categoryId, m_code.parentId, m_row);
        } else {
            m_store.restoreCode(m_removal);
        }
    });
}

void AddCodeCommand::undo()
{
    attempt([this] { m_removal = m_store.removeCode(m_id); });
}
