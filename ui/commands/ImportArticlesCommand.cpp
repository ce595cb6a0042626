#include "commands/ImportArticlesCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

ImportArticlesCommand::ImportArticlesCommand(ProjectSession &store, const QList<qint64> &addedIds,
                                             ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_ids(addedIds)
{
    setText(QCoreApplication::translate("ImportArticlesCommand", "Import %n Article(s)", nullptr,
                                        int(addedIds.size())));
}

void ImportArticlesCommand::redo()
{
    if (!m_done) {
        m_done = true;
        return;
    }
    attempt([this] { m_session.articles().restore(m_removed); });
}

void ImportArticlesCommand::undo()
{
    attempt([this] { m_removed = m_session.articles().remove(m_ids); });
}
