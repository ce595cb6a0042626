#pragma once

#include <QString>

// The attributes of a claim annotation (table claims, one row per
// annotation). Empty stance or kind means "not coded yet".
struct Claim
{
    qint64 annotationId = 0;
    qint64 speakerId = 0; // an actor, 0 = none
    qint64 targetId = 0; // an actor, 0 = none
    QString stance; // supports, opposes, neutral
    QString kind; // fact, opinion, prediction, demand
    QString status = QStringLiteral("unverified"); // true, false, misleading, unverifiable
    QString evidence;

    friend bool operator==(const Claim &, const Claim &) = default;
};
