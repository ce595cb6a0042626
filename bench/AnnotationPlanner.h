#pragma once

#include "Random.h"
#include "domain/Annotation.h"

#include <QList>
#include <QStringList>

// Chooses coded spans the way coders make them: whole words, one to
// twenty-five of them, mostly one code (one in twenty gets a second), spread
// over the coders. Offsets are code points, as the store wants them.
class AnnotationPlanner
{
public:
    AnnotationPlanner(QList<qint64> codeIds, QStringList coders, quint64 seed);

    QList<NewAnnotation> plan(qint64 articleId, const QString &text, int count);

private:
    QList<qint64> m_codeIds;
    QStringList m_coders;
    Random m_random;
};
