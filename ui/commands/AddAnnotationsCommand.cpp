#include "commands/AddAnnotationsCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

AddAnnotationsCommand::AddAnnotationsCommand(ProjectSession &store,
                                             const QList<NewAnnotation> &requests,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_requests(requests)
{
    setText(QCoreApplication::translate("AddAnnotationsCommand", "Code %1 Occurrences")
                .arg(requests.size()));
}

void AddAnnotationsCommand::redo()
{
    attempt([this] {
        if (m_ids.isEmpty())
            m_ids = m_session.annotations().addMany(m_requests);
        else
            m_session.annotations().restoreMany(m_undone);
    });
}

void AddAnnotationsCommand::undo()
{
    attempt([this] { m_undone = m_session.annotations().removeMany(m_ids); });
}
