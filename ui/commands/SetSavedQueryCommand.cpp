#include "commands/SetSavedQueryCommand.h"

#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QCoreApplication>

SetSavedQueryCommand::SetSavedQueryCommand(ProjectSession &store, const QString &name,
                                           const std::optional<QString> &text, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_name(name.trimmed())
    , m_text(text)
    , m_before(SavedQueryRepository(store.database()).text(m_name))
{
    setText(text
                ? QCoreApplication::translate("SetSavedQueryCommand", "Save Query “%1”").arg(m_name)
                : QCoreApplication::translate("SetSavedQueryCommand", "Delete Saved Query “%1”")
                      .arg(m_name));
}

void SetSavedQueryCommand::apply(const std::optional<QString> &text)
{
    attempt([&] {
        SavedQueryRepository saved(m_session.database());
        if (text)
            saved.save(m_name, *text);
        else
            saved.remove(m_name);
    });
}

void SetSavedQueryCommand::redo()
{
    apply(m_text);
}

void SetSavedQueryCommand::undo()
{
    apply(m_before);
}
