#pragma once

#include "domain/Code.h"
#include "domain/CodebookLayout.h"

#include <QList>

// What merging one code into another did, so undo can put it back exactly.
struct CodeMerge
{
    Code source; // deleted after the merge
    qint64 targetId = 0;
    Code target; // as the merge left it: undo refuses if another coder changed it since
    QList<qint64> moved; // annotations that had the source only; now carry the target
    QList<qint64> shared; // annotations that had both; they just lost the source
    QList<qint64> memos; // memos on the source, now on the target
    CodebookLayout layoutBefore; // the source's sub-codes move under the target
    CodebookLayout layoutAfter; // undo puts back only what differs, if still so
    QList<qint64> articles; // whose annotations changed

    int touchedAnnotations() const { return int(moved.size() + shared.size()); }
};
