#pragma once

#include "domain/Annotation.h"

// A span of one article coded with one code, by the project's current
// coder: what the live-update tests commit from one session to another.
inline NewAnnotation newSpan(qint64 articleId, qint64 start, qint64 end, qint64 codeId)
{
    NewAnnotation n;
    n.articleId = articleId;
    n.start = start;
    n.end = end;
    n.codeIds = {codeId};
    return n;
}
