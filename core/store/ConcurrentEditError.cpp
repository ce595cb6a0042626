#include "ConcurrentEditError.h"

namespace {
QString noun(ConcurrentEditError::Subject subject)
{
    switch (subject) {
    case ConcurrentEditError::Subject::Code:
        return QStringLiteral("code");
    case ConcurrentEditError::Subject::Category:
        return QStringLiteral("category");
    case ConcurrentEditError::Subject::Actor:
        return QStringLiteral("actor");
    }
    return {};
}

// "its colour", "its colour and description", "its colour, description and shortcut"
QString itsFields(const QStringList &fields)
{
    if (fields.isEmpty())
        return {};
    QString list = fields.constLast();
    if (fields.size() > 1)
        list = QStringList(fields.cbegin(), fields.cend() - 1).join(QStringLiteral(", "))
            + QStringLiteral(" and ") + list;
    return QStringLiteral("its %1 changed").arg(list);
}

QString describe(ConcurrentEditError::Subject subject, const QString &seenName,
                 const std::optional<QString> &currentName, const QStringList &changed, bool moved)
{
    if (!currentName)
        return QStringLiteral("The %1 “%2” was deleted by someone else since you opened it; "
                              "nothing was changed. Reload to see the project as it is now.")
            .arg(noun(subject), seenName);
    QStringList what;
    if (*currentName != seenName)
        what << QStringLiteral("now named “%1”").arg(*currentName);
    if (!changed.isEmpty())
        what << itsFields(changed);
    if (moved)
        what << QStringLiteral("moved");
    const QString details
        = what.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(what.join(QStringLiteral("; ")));
    return QStringLiteral("The %1 “%2” was changed by someone else since you opened it%3. Reload "
                          "to see their version, or apply yours again.")
        .arg(noun(subject), seenName, details);
}
} // namespace

ConcurrentEditError::ConcurrentEditError(Subject subject, qint64 id, const QString &seenName,
                                         const std::optional<QString> &currentName,
                                         const QStringList &changed, bool moved)
    : ProjectError(describe(subject, seenName, currentName, changed, moved))
    , m_subject(subject)
    , m_id(id)
    , m_deleted(!currentName)
    , m_currentName(currentName.value_or(QString()))
{
}

ConcurrentEditError ConcurrentEditError::code(const Code &seen, const std::optional<Code> &now)
{
    if (!now)
        return {Subject::Code, seen.id, seen.name, std::nullopt, {}, false};
    QStringList changed;
    if (now->colour != seen.colour)
        changed << QStringLiteral("colour");
    if (now->description != seen.description)
        changed << QStringLiteral("description");
    if (now->shortcut != seen.shortcut)
        changed << QStringLiteral("shortcut");
    const bool moved = now->categoryId != seen.categoryId || now->parentId != seen.parentId
        || now->position != seen.position;
    return {Subject::Code, seen.id, seen.name, now->name, changed, moved};
}

ConcurrentEditError ConcurrentEditError::category(const Category &seen,
                                                  const std::optional<Category> &now)
{
    if (!now)
        return {Subject::Category, seen.id, seen.name, std::nullopt, {}, false};
    QStringList changed;
    if (now->kind != seen.kind)
        changed << QStringLiteral("kind");
    if (now->colour != seen.colour)
        changed << QStringLiteral("colour");
    return {Subject::Category, seen.id, seen.name,
            now->name,         changed, now->position != seen.position};
}

ConcurrentEditError ConcurrentEditError::actor(const Actor &seen, const std::optional<Actor> &now)
{
    if (!now)
        return {Subject::Actor, seen.id, seen.name, std::nullopt, {}, false};
    QStringList changed;
    if (now->kind != seen.kind)
        changed << QStringLiteral("kind");
    if (now->description != seen.description)
        changed << QStringLiteral("description");
    QStringList seenAliases = seen.aliases, nowAliases = now->aliases;
    seenAliases.sort(Qt::CaseInsensitive);
    nowAliases.sort(Qt::CaseInsensitive);
    if (seenAliases != nowAliases)
        changed << QStringLiteral("aliases");
    return {Subject::Actor, seen.id, seen.name, now->name, changed, false};
}
