#pragma once

#include <QString>

struct sqlite3;

// What makes the read-only query read-only: an sqlite3_set_authorizer()
// callback that SQLite asks about every table, function and pragma while it
// compiles a statement, however the statement is spelled (quoted names,
// comments, mixed case, hidden in a CTE, a view or a pragma table). It
// allows reading (SELECT, READ, recursive CTEs), an explicit list of
// harmless functions and of pragmas that only report, and denies everything
// else: writes, schema changes, ATTACH/DETACH, transactions, temporary
// objects, pragma assignments, load_extension() and friends.
//
// Lives as long as the connection it guards; one thread at a time.
class ReadOnlyAuthorizer
{
public:
    explicit ReadOnlyAuthorizer(sqlite3 *db);
    ~ReadOnlyAuthorizer();
    ReadOnlyAuthorizer(const ReadOnlyAuthorizer &) = delete;
    ReadOnlyAuthorizer &operator=(const ReadOnlyAuthorizer &) = delete;

    // Forgets the last refusal; call before compiling or stepping.
    void reset()
    {
        m_refusal.clear();
        m_vague = false;
    }
    // Why SQLite was told no since reset(), for a user; empty if it was not.
    QString refusal() const { return m_refusal; }
    // True if the refusal cannot name the statement: CREATE first asks to
    // write the schema table, before it says what it creates.
    bool isVague() const { return m_vague; }

    // The decision for one authorizer call: empty to allow, else why not.
    // `first` and `second` are the callback's two action arguments.
    static QString decide(int action, const char *first, const char *second);

private:
    static int callback(void *self, int action, const char *first, const char *second,
                        const char *database, const char *trigger);

    sqlite3 *m_db;
    QString m_refusal; // the first refusal: later ones follow from it
    bool m_vague = false;
};
