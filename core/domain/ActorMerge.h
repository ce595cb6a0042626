#pragma once

#include "Actor.h"

#include <QList>
#include <QStringList>

// What merging one actor into another changed, so the merge can be undone
// exactly: the dropped actor as it was and every reference that moved.
struct ActorMerge
{
    qint64 keptId = 0;
    Actor kept; // as the merge left it: undo refuses if another coder changed it since
    Actor dropped;
    QString droppedCreated; // created_at as stored
    QList<qint64> mentionIds; // annotations that linked to the dropped actor
    QList<qint64> speakerClaimIds; // claims whose speaker it was
    QList<qint64> targetClaimIds; // claims whose target it was
    QStringList addedAliases; // names the kept actor gained
};
