#pragma once

#include "domain/AnnotationRecord.h"
#include "domain/Article.h"
#include "domain/ArticleOffsetMap.h"
#include "domain/ArticleSource.h"
#include "domain/Memo.h"

#include <QList>
#include <QPair>

// What deleting articles took with them, so undo can put every piece back
// exactly (same ids and UUIDs): the articles, their stored pages, their
// annotations with claims, the memos on them and on their annotations, and
// which feed items had become them.
struct ArticleDeletion
{
    QList<Article> articles;
    QList<ArticleSource> sources;
    QList<AnnotationRecord> annotations;
    QList<Memo> memos;
    QList<QPair<qint64, qint64>> feedItemLinks; // (feed item, article)
    QList<ArticleOffsetMap> offsetMaps; // where an exchange corpus has them
};
