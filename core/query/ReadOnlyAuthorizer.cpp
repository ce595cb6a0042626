#include "ReadOnlyAuthorizer.h"

#include <QCoreApplication>
#include <QSet>

#include <sqlite3.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReadOnlyAuthorizer", text);
}

QString name(const char *text)
{
    return QString::fromUtf8(text ? text : "");
}

QSet<QString> setOf(std::initializer_list<const char *> names)
{
    QSet<QString> set;
    for (const char *n : names)
        set.insert(QString::fromLatin1(n));
    return set;
}

// Functions that only compute a value from their arguments (or the time, or
// a random number): SQLite's core, date, math, JSON, window and aggregate
// functions and FTS5's auxiliaries. Everything else, load_extension() and
// fts3_tokenizer() first, and anything an extension or shell might add
// (readfile, writefile, edit), is refused.
const QSet<QString> &harmlessFunctions()
{
    static const QSet<QString> names = setOf({
        // core scalar
        "abs", "changes", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex",
        "if", "ifnull", "iif", "instr", "last_insert_rowid", "length", "like", "likelihood",
        "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote",
        "random", "replace", "round", "rtrim", "sign", "soundex", "sqlite_compileoption_get",
        "sqlite_compileoption_used", "sqlite_source_id", "sqlite_version", "substr", "substring",
        "total_changes", "trim", "typeof", "unhex", "unicode", "unlikely", "upper",
        // the MATCH operator (FTS5) is a function call to SQLite
        "match",
        // aggregate
        "avg", "count", "group_concat", "string_agg", "sum", "total",
        // window
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
        "first_value", "last_value", "nth_value",
        // date and time
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
        "current_date", "current_time", "current_timestamp",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos",
        "cosh", "degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow",
        "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc",
        // JSON (json_each and json_tree are tables, read like any other)
        "json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_error_position",
        "json_extract", "jsonb_extract", "json_insert", "jsonb_insert", "json_object",
        "jsonb_object", "json_patch", "jsonb_patch", "json_pretty", "json_quote", "json_remove",
        "jsonb_remove", "json_replace", "jsonb_replace", "json_set", "jsonb_set", "json_type",
        "json_valid", "json_group_array", "jsonb_group_array", "json_group_object",
        "jsonb_group_object", "->", "->>",
        // FTS5 auxiliary functions
        "bm25", "highlight", "snippet",
    });
    return names;
}

// Pragmas that report and change nothing when asked without a value.
const QSet<QString> &reportingPragmas()
{
    static const QSet<QString> names = setOf({
        "application_id", "collation_list", "compile_options", "data_version", "database_list",
        "encoding", "foreign_keys", "freelist_count", "function_list", "module_list", "page_count",
        "page_size", "pragma_list", "query_only", "schema_version", "user_version",
    });
    return names;
}

// Pragmas whose argument names a table or index to describe or check,
// never a new value: table_info(articles) is as harmless as table_info.
const QSet<QString> &describingPragmas()
{
    static const QSet<QString> names = setOf({
        "foreign_key_check", "foreign_key_list", "index_info", "index_list", "index_xinfo",
        "integrity_check", "quick_check", "table_info", "table_list", "table_xinfo",
    });
    return names;
}

QString pragmaRefusal(const QString &pragma, const char *value)
{
    const QString key = pragma.toLower();
    if (describingPragmas().contains(key))
        return {};
    if (!value) {
        if (reportingPragmas().contains(key))
            return {};
        return tr("PRAGMA %1 is not available in the read-only console, which only runs pragmas "
                  "that report (table_info, index_list, user_version …); nothing was changed.")
            .arg(pragma);
    }
    return tr("PRAGMA %1 = %2 would change a setting; the console is read-only and changed "
              "nothing.")
        .arg(pragma, name(value));
}

bool isSchemaTable(const QString &table)
{
    return table.compare(QLatin1String("sqlite_master"), Qt::CaseInsensitive) == 0
        || table.compare(QLatin1String("sqlite_schema"), Qt::CaseInsensitive) == 0;
}

bool isTempSchemaTable(const QString &table)
{
    return table.compare(QLatin1String("sqlite_temp_master"), Qt::CaseInsensitive) == 0
        || table.compare(QLatin1String("sqlite_temp_schema"), Qt::CaseInsensitive) == 0;
}

QString temporaryRefusal()
{
    return tr("Temporary tables, views, indexes and triggers cannot be created in the read-only "
              "console; a WITH clause (common table expression) gives a named intermediate "
              "result instead. Nothing was changed.");
}

QString schemaRefusal(const char *verb, const char *object)
{
    return tr("%1 %2 would change the structure of the project; the console is read-only and "
              "changed nothing.")
        .arg(QLatin1String(verb), name(object));
}

QString dataRefusal(const char *verb, const char *table)
{
    const QString t = name(table);
    // CREATE and DROP first record the change in the schema table; name the
    // statement, not that detail.
    if (isTempSchemaTable(t))
        return temporaryRefusal();
    if (isSchemaTable(t))
        return tr("This statement would change the structure of the project; the console is "
                  "read-only and changed nothing.");
    return tr("%1 would change the data in %2; the console is read-only and changed nothing. Code "
              "and edit in the workbench instead.")
        .arg(QLatin1String(verb), t);
}

} // namespace

ReadOnlyAuthorizer::ReadOnlyAuthorizer(sqlite3 *db)
    : m_db(db)
{
    sqlite3_set_authorizer(m_db, &ReadOnlyAuthorizer::callback, this);
}

ReadOnlyAuthorizer::~ReadOnlyAuthorizer()
{
    sqlite3_set_authorizer(m_db, nullptr, nullptr);
}

int ReadOnlyAuthorizer::callback(void *self, int action, const char *first, const char *second,
                                 const char *, const char *)
{
    auto *authorizer = static_cast<ReadOnlyAuthorizer *>(self);
    const QString refusal = decide(action, first, second);
    if (refusal.isEmpty())
        return SQLITE_OK;
    if (authorizer->m_refusal.isEmpty()) {
        authorizer->m_refusal = refusal;
        authorizer->m_vague = (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE)
            && isSchemaTable(name(first));
    }
    return SQLITE_DENY;
}

QString ReadOnlyAuthorizer::decide(int action, const char *first, const char *second)
{
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
        return {};
    case SQLITE_FUNCTION:
        if (harmlessFunctions().contains(name(second).toLower()))
            return {};
        return tr("The function %1() is not available in the read-only console; nothing was "
                  "changed.")
            .arg(name(second));
    case SQLITE_PRAGMA:
        return pragmaRefusal(name(first), second);
    case SQLITE_INSERT:
        return dataRefusal("INSERT", first);
    case SQLITE_UPDATE:
        return dataRefusal("UPDATE", first);
    case SQLITE_DELETE:
        return dataRefusal("DELETE", first);
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_TEMP_TRIGGER:
    case SQLITE_DROP_TEMP_VIEW:
        return temporaryRefusal();
    case SQLITE_CREATE_INDEX:
        return schemaRefusal("CREATE INDEX", first);
    case SQLITE_CREATE_TABLE:
        return schemaRefusal("CREATE TABLE", first);
    case SQLITE_CREATE_TRIGGER:
        return schemaRefusal("CREATE TRIGGER", first);
    case SQLITE_CREATE_VIEW:
        return schemaRefusal("CREATE VIEW", first);
    case SQLITE_CREATE_VTABLE:
        return schemaRefusal("CREATE VIRTUAL TABLE", first);
    case SQLITE_DROP_INDEX:
        return schemaRefusal("DROP INDEX", first);
    case SQLITE_DROP_TABLE:
        return schemaRefusal("DROP TABLE", first);
    case SQLITE_DROP_TRIGGER:
        return schemaRefusal("DROP TRIGGER", first);
    case SQLITE_DROP_VIEW:
        return schemaRefusal("DROP VIEW", first);
    case SQLITE_DROP_VTABLE:
        return schemaRefusal("DROP VIRTUAL TABLE", first);
    case SQLITE_ALTER_TABLE:
        return schemaRefusal("ALTER TABLE", second);
    case SQLITE_REINDEX:
        return schemaRefusal("REINDEX", first);
    case SQLITE_ANALYZE:
        return tr("ANALYZE %1 would store statistics in the project; the console is read-only "
                  "and changed nothing.")
            .arg(name(first));
    case SQLITE_ATTACH:
        return tr("ATTACH would open another database file; the console only reads this project "
                  "and changed nothing.");
    case SQLITE_DETACH:
        return tr("DETACH %1 is not available: the console only reads this project and changed "
                  "nothing.")
            .arg(name(first));
    case SQLITE_TRANSACTION:
        return tr("%1 is not available in the read-only console: it runs each query on its own "
                  "and never writes. Nothing was changed.")
            .arg(name(first));
    case SQLITE_SAVEPOINT: {
        // `first` is the operation, `second` the savepoint's name.
        const QString operation = name(first) == QLatin1String("BEGIN") ? QStringLiteral("SAVEPOINT")
            : name(first) == QLatin1String("ROLLBACK")                  ? QStringLiteral("ROLLBACK TO")
                                                                        : name(first);
        return tr("%1 %2 is not available in the read-only console: it runs each query on its "
                  "own and never writes. Nothing was changed.")
            .arg(operation, name(second));
    }
    default:
        return tr("This statement is not a query (authorizer action %1); the console is read-only "
                  "and changed nothing.")
            .arg(action);
    }
}
