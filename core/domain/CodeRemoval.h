#pragma once

#include "domain/AnnotationRecord.h"
#include "domain/Code.h"

#include <QList>
#include <QPair>

// What deleting a code took with it, so undo can restore it exactly: the
// code and its sub-codes (same ids), their links, and the annotations left
// with no code at all, which go with it (with their claims).
struct CodeRemoval
{
    QList<Code> codes; // the code first, then its sub-codes, parents first
    QList<QPair<qint64, qint64>> links; // (annotation, code) of annotations that survive
    QList<AnnotationRecord> annotations; // removed: they carried only these codes
    int touchedAnnotations = 0; // every annotation that carried one of the codes
    QList<qint64> articles; // whose annotations changed
};
