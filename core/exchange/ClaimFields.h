#pragma once

#include "domain/Claim.h"

#include <QHash>
#include <QList>
#include <QString>
#include <utility>

class ProjectSession;
struct ExchangeReport;

// Claim attributes as named text fields, the form every exchange format
// carries them in (CSV columns, W3C "describing" bodies, REFI-QDA case
// variables): stance, claim_kind, status, evidence, speaker, target, with
// speaker and target as actor names.
class ClaimFields
{
public:
    explicit ClaimFields(const ProjectSession &session);

    static const QStringList &names();
    // What a reader of another tool sees for a field.
    static QString description(const QString &name);

    // The claim's non-empty fields, in names() order.
    QList<std::pair<QString, QString>> fields(const Claim &claim) const;
    // Sets one field; false if the name is not a claim field. A speaker or
    // target no actor in the project has (by name or alias) becomes a new
    // actor, said in the report.
    bool set(ProjectSession &session, Claim &claim, const QString &name, const QString &value,
             ExchangeReport &report);

private:
    static QString checked(const QString &name, const QString &value, const QStringList &allowed);
    qint64 actorFor(ProjectSession &session, const QString &name, ExchangeReport &report);

    QHash<qint64, QString> m_names; // actor id -> name
    QHash<QString, qint64> m_byName; // lower-case name or alias -> actor id
};
