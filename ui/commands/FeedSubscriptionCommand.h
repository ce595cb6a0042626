#pragma once

#include "commands/StoreCommand.h"
#include "domain/FeedSubscription.h"

// A feed subscribed to or unsubscribed from, on the undo stack. Subscribing
// fetches the feed first, so that command is pushed once the feed is
// stored and its first redo does nothing; undo of either puts the other
// state back, the feed with its items as they were.
class FeedSubscriptionCommand final : public StoreCommand
{
public:
    enum class Kind { Subscribed, Unsubscribe };

    FeedSubscriptionCommand(ProjectSession &store, Kind kind, qint64 feedId, const QString &title,
                            ErrorHandler onError = {});

    void redo() override;
    void undo() override;

private:
    void remove();
    void restore();

    Kind m_kind;
    qint64 m_feedId;
    FeedSubscription m_removed;
    bool m_first = true;
};
