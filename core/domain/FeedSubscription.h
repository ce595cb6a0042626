#pragma once

#include "domain/Feed.h"

#include <QList>

// A feed with everything unsubscribing takes along (its items), so undo can
// put it back as it was.
struct FeedSubscription
{
    Feed feed;
    QList<FeedItem> items;
};
