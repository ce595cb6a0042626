#pragma once

#include "agreement/SpanScoring.h"

#include <QList>
#include <QString>

class ProjectSession;

// A coder's spans against a gold coder's (a teacher, or a published corpus
// imported as a coder), per code: SemEval-2020 Task 11 partial-overlap
// precision, recall and F1, and exact-match scores. Whole-article codes are
// left out: they have no span.
class GoldComparison
{
public:
    struct Row
    {
        QString code; // "(all codes)" for the row over every code
        SpanScore partial;
        SpanScore exact;
    };

    // Throws ProjectError for an unknown coder; name is how messages call
    // the project.
    static QList<Row> compare(const ProjectSession &session, const QString &name,
                              const QString &gold, const QString &coder);
};
