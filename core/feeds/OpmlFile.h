#pragma once

#include "OpmlEntry.h"
#include "domain/Feed.h"

#include <QByteArray>
#include <QList>
#include <variant>

// OPML 2.0 subscription lists, the format every feed reader imports and
// exports. Folders are one level of outlines, as most readers write them;
// deeper nesting is flattened into the outermost folder.
class OpmlFile
{
public:
    static QByteArray write(const QList<FeedFolder> &folders, const QList<Feed> &feeds,
                            const QString &title = QStringLiteral("Framewise feeds"));
    // The feeds in document order, or a message saying what is wrong.
    static std::variant<QList<OpmlEntry>, QString> read(const QByteArray &opml);
};
