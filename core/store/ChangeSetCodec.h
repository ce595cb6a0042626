#pragma once

#include "ChangeSet.h"

#include <QByteArray>

// A ChangeSet as compact ASCII text, so a commit on a team project can tell
// the other sessions what it changed (ChangeNotifications). Each non-empty
// set is one section: a tag, then its ids sorted and written as the first
// id and the gaps to the next ones in base 36 ("e+2s,1,1" is annotations
// 100, 101 and 102 added), so a unit of thousands of new rows stays a few
// bytes per row. Setting keys are percent-encoded.
class ChangeSetCodec
{
public:
    static QByteArray encode(const ChangeSet &changes);
    // The change set encode() wrote; throws ProjectError naming what is
    // wrong with anything else.
    static ChangeSet decode(const QByteArray &text);
};
