#pragma once

#include <QString>

// The attributes of a claim annotation (table claims, one row per
// annotation). Empty stance or kind means "not coded yet".
struct Claim
{
    qint64 annotationId = 0;
    QString uuid;
    qint64 coderId = 0; // who coded the attributes; 0 = the annotation's coder
    qint64 speakerId = 0; // an actor, 0 = none
    qint64 targetId = 0; // an actor, 0 = none
    QString stance; // supports, opposes, neutral
    QString kind; // fact, opinion, prediction, demand
    QString status = QStringLiteral("unverified"); // true, false, misleading, unverifiable
    QString evidence;

    // The same attributes of the same annotation (identity and coder aside).
    friend bool operator==(const Claim &a, const Claim &b)
    {
        return a.annotationId == b.annotationId && a.speakerId == b.speakerId
            && a.targetId == b.targetId && a.stance == b.stance && a.kind == b.kind
            && a.status == b.status && a.evidence == b.evidence;
    }
};
