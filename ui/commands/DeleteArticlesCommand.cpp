#include "commands/DeleteArticlesCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

DeleteArticlesCommand::DeleteArticlesCommand(ProjectSession &store, const QList<qint64> &articleIds,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_ids(articleIds)
{
    setText(QCoreApplication::translate("DeleteArticlesCommand", "Delete %n Article(s)", nullptr,
                                        int(articleIds.size())));
}

void DeleteArticlesCommand::redo()
{
    attempt([this] { m_deleted = m_session.articles().remove(m_ids); });
}

void DeleteArticlesCommand::undo()
{
    attempt([this] { m_session.articles().restore(m_deleted); });
}
