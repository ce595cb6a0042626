#include "commands/FeedSubscriptionCommand.h"

#include "store/ProjectSession.h"

#include <QCoreApplication>

#include <utility>

FeedSubscriptionCommand::FeedSubscriptionCommand(ProjectSession &store, Kind kind, qint64 feedId,
                                                 const QString &title, ErrorHandler onError)
    : StoreCommand(store, std::move(onError))
    , m_kind(kind)
    , m_feedId(feedId)
{
    setText(kind == Kind::Subscribed
                ? QCoreApplication::translate("FeedSubscriptionCommand", "Subscribe to “%1”").arg(title)
                : QCoreApplication::translate("FeedSubscriptionCommand", "Unsubscribe from “%1”").arg(title));
}

void FeedSubscriptionCommand::remove()
{
    attempt([this] { m_removed = m_session.feeds().remove(m_feedId); });
}

void FeedSubscriptionCommand::restore()
{
    attempt([this] { m_session.feeds().restore(m_removed); });
}

void FeedSubscriptionCommand::redo()
{
    const bool first = std::exchange(m_first, false);
    if (m_kind == Kind::Unsubscribe)
        remove();
    else if (!first)
        restore();
}

void FeedSubscriptionCommand::undo()
{
    if (m_kind == Kind::Unsubscribe)
        restore();
    else
        remove();
}
