#pragma once

#include <QString>

// Names the kind of write a statement is, from its leading keyword, where
// ReadOnlyAuthorizer cannot: a write SQLite could not even compile
// (`INSERT INTO nosuch …` would otherwise only say "no such table"),
// VACUUM, which SQLite never shows an authorizer, and CREATE, which asks
// to write the schema table before it says what it creates. It decides nothing: the
// authorizer, sqlite3_stmt_readonly(), PRAGMA query_only and the read-only
// open do.
class StatementGuard
{
public:
    // Why the statement cannot run if its first keyword writes, else empty.
    static QString refusal(const QString &statement);
    // The statement's first keyword, upper-case ("" if none).
    static QString leadingKeyword(const QString &statement);
    // Its beginning as a user would quote it: comments skipped, up to the
    // first parenthesis, semicolon or line end ("CREATE TABLE evil").
    static QString head(const QString &statement);
};
