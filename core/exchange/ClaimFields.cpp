#include "ClaimFields.h"

#include "ExchangeReport.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

ClaimFields::ClaimFields(const ProjectSession &session)
{
    for (const Actor &a : session.actors().all()) {
        m_names.insert(a.id, a.name);
        m_byName.insert(a.name.toLower(), a.id);
        for (const QString &alias : a.aliases)
            m_byName.insert(alias.toLower(), a.id);
    }
}

const QStringList &ClaimFields::names()
{
    static const QStringList list {QStringLiteral("stance"),   QStringLiteral("claim_kind"),
                                   QStringLiteral("status"),   QStringLiteral("evidence"),
                                   QStringLiteral("speaker"),  QStringLiteral("target")};
    return list;
}

QString ClaimFields::description(const QString &name)
{
    static const QHash<QString, QString> text {
        {QStringLiteral("stance"), QStringLiteral("Claim: the speaker's stance (supports, opposes, neutral)")},
        {QStringLiteral("claim_kind"), QStringLiteral("Claim: its kind (fact, opinion, prediction, demand)")},
        {QStringLiteral("status"), QStringLiteral("Claim: its verification status (unverified, true, false, misleading, unverifiable)")},
        {QStringLiteral("evidence"), QStringLiteral("Claim: the evidence given for it")},
        {QStringLiteral("speaker"), QStringLiteral("Claim: who asserts it (an actor)")},
        {QStringLiteral("target"), QStringLiteral("Claim: whom it is about (an actor)")}};
    return text.value(name);
}

QList<std::pair<QString, QString>> ClaimFields::fields(const Claim &c) const
{
    QList<std::pair<QString, QString>> out;
    const QString values[] = {c.stance,   c.kind,
                              c.status,   c.evidence,
                              m_names.value(c.speakerId), m_names.value(c.targetId)};
    for (qsizetype i = 0; i < names().size(); ++i) {
        if (!values[i].isEmpty())
            out.append({names()[i], values[i]});
    }
    return out;
}

// The values the store accepts for a field (an empty one clears it), so a
// wrong one is named here instead of failing as a database constraint.
QString ClaimFields::checked(const QString &name, const QString &value, const QStringList &allowed)
{
    const QString v = value.trimmed().toLower();
    if (!v.isEmpty() && !allowed.contains(v))
        throw ProjectError(QStringLiteral("%1 “%2” is not one of: %3")
                               .arg(name, value, allowed.join(QStringLiteral(", "))));
    return v;
}

bool ClaimFields::set(ProjectSession &session, Claim &c, const QString &name, const QString &value,
                      ExchangeReport &report)
{
    if (name == QLatin1String("stance"))
        c.stance = checked(name, value,
                           {QStringLiteral("supports"), QStringLiteral("opposes"),
                            QStringLiteral("neutral")});
    else if (name == QLatin1String("claim_kind"))
        c.kind = checked(name, value,
                         {QStringLiteral("fact"), QStringLiteral("opinion"),
                          QStringLiteral("prediction"), QStringLiteral("demand")});
    else if (name == QLatin1String("status"))
        c.status = checked(name, value,
                           {QStringLiteral("unverified"), QStringLiteral("true"),
                            QStringLiteral("false"), QStringLiteral("misleading"),
                            QStringLiteral("unverifiable")});
    else if (name == QLatin1String("evidence"))
        c.evidence = value;
    else if (name == QLatin1String("speaker"))
        c.speakerId = actorFor(session, value, report);
    else if (name == QLatin1String("target"))
        c.targetId = actorFor(session, value, report);
    else
        return false;
    return true;
}

qint64 ClaimFields::actorFor(ProjectSession &session, const QString &name, ExchangeReport &report)
{
    const QString wanted = name.simplified();
    if (wanted.isEmpty())
        return 0;
    if (const qint64 id = m_byName.value(wanted.toLower()))
        return id;
    Actor a;
    a.name = wanted;
    a.kind = QStringLiteral("other");
    const qint64 id = session.actors().add(a);
    m_names.insert(id, wanted);
    m_byName.insert(wanted.toLower(), id);
    report.conversions << QStringLiteral("actor “%1” added for a claim").arg(wanted);
    return id;
}
