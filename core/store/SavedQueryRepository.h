#pragma once

#include "Repository.h"
#include "domain/SavedQuery.h"

#include <functional>
#include <optional>

// Named retrieval queries, one row of the project's meta table each
// ("saved_query/NAME", the query text), so that they need no schema change
// and travel with every copy of the project. The store keeps the text as
// given: whether it parses is the query language's business
// (SegmentQueryParser), checked before saving.
class SavedQueryRepository : public Repository
{
public:
    explicit SavedQueryRepository(Database &db);

    // By name, case-insensitively, then as written.
    QList<SavedQuery> all() const;
    std::optional<QString> text(const QString &name) const;
    // text() of the project's saved queries, for SegmentQueryParser::parse;
    // valid as long as the database is open.
    std::function<std::optional<QString>(const QString &)> lookup() const;

    // One unit of work each, announcing ChangeSet::settings() changeKey once
    // when something changed. save() adds or replaces; a name is trimmed and
    // must not be empty, a text must not be blank (ProjectError).
    void save(const QString &name, const QString &text);
    // Throws ProjectError when there is no query of that name.
    void remove(const QString &name);

    static constexpr const char *changeKey = "saved_queries";

private:
    static QString keyOf(const QString &name);
};
