#pragma once

#include "Repository.h"
#include "domain/ArticleOffsetMap.h"
#include "domain/OriginalSpan.h"

#include <QHash>
#include <optional>

// Offset maps of articles imported from exchange formats, and the original
// spans of annotations the maps cannot give back alone, so an export writes
// the original offsets exactly. Both go with their article or annotation.
class OffsetMapRepository : public Repository
{
public:
    explicit OffsetMapRepository(Database &db);

    // Every map of the scheme, by article id.
    QHash<qint64, ArticleOffsetMap> maps(const QString &scheme) const;
    std::optional<ArticleOffsetMap> map(qint64 articleId) const;
    QList<ArticleOffsetMap> mapsOf(const QList<qint64> &articleIds) const;
    // Adds or replaces the article's map.
    void put(const ArticleOffsetMap &map);

    QHash<qint64, OriginalSpan> originalSpans() const;
    QList<OriginalSpan> originalSpansOf(const QList<qint64> &annotationIds) const;
    void putOriginalSpans(const QList<OriginalSpan> &spans);

private:
    QList<OriginalSpan> loadSpans(const QString &where, const QVariantList &binds) const;
};
