#pragma once

#include <QString>

// One feed of an OPML subscription list.
struct OpmlEntry
{
    QString folder; // the enclosing outline's title; empty at top level
    QString url; // xmlUrl
    QString title;
    QString siteUrl; // htmlUrl
};
