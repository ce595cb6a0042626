#pragma once

#include "base/ProjectError.h"
#include "domain/Actor.h"
#include "domain/Category.h"
#include "domain/Code.h"

#include <optional>

// Another coder's commit changed (or deleted) a code, category or actor
// after the caller read it: the caller's update matched no row at the
// version it had read, and its whole unit of work was rolled back. The
// message names the row by the name the user knew and says what changed;
// the caller may reload (take theirs) or apply its edit again on top of the
// current row (a deliberate overwrite).
class ConcurrentEditError : public ProjectError
{
public:
    enum class Subject
    {
        Code,
        Category,
        Actor
    };

    // seen: the row as the caller read it; now: as it is stored, or nothing
    // when it was deleted.
    static ConcurrentEditError code(const Code &seen, const std::optional<Code> &now);
    static ConcurrentEditError category(const Category &seen, const std::optional<Category> &now);
    static ConcurrentEditError actor(const Actor &seen, const std::optional<Actor> &now);

    Subject subject() const { return m_subject; }
    qint64 id() const { return m_id; }
    // Gone for good: applying the edit again is not possible.
    bool deleted() const { return m_deleted; }
    // Its name now (empty when deleted).
    const QString &currentName() const { return m_currentName; }

private:
    ConcurrentEditError(Subject subject, qint64 id, const QString &seenName,
                        const std::optional<QString> &currentName, const QStringList &changed,
                        bool moved);

    Subject m_subject;
    qint64 m_id = 0;
    bool m_deleted = false;
    QString m_currentName;
};
