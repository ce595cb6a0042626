#pragma once

#include "Repository.h"
#include "domain/Coder.h"

#include <optional>

// Coders: who annotates, with a colour each, and who is coding now. The
// current coder is a setting of this session (the app stores it per user),
// written to the project when it first codes something.
class CoderRepository : public Repository
{
public:
    explicit CoderRepository(Database &db);

    // Every coder, ordered by name.
    QList<Coder> all() const;
    std::optional<Coder> get(qint64 id) const;
    std::optional<Coder> byName(const QString &name) const;
    // The id of the coder with that name, created (with the next palette
    // colour) if missing.
    qint64 ensure(const QString &name);
    // Name and colour; names are unique.
    void update(const Coder &coder);

    // Starts as $FRAMEWISE_CODER or the login name.
    QString current() const { return m_current; }
    void setCurrent(const QString &name);
    // The current coder's id, created if missing.
    qint64 currentId() { return ensure(m_current); }

private:
    QString m_current;
};
