#include "TeamAdmin.h"

#include "CoderRepository.h"
#include "ProjectSettingsRepository.h"
#include "SqlDialect.h"
#include "base/ProjectError.h"

#include <algorithm>

namespace {

// A role name as an SQL identifier: quoted, so any name the server accepts
// stays one name (QSqlDriver::escapeIdentifier would split it at dots).
QString identifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// PostgreSQL cuts longer names silently, which could merge two roles.
constexpr int kMaxIdentifierBytes = 63;

void checkName(const QString &name)
{
    if (name.trimmed().isEmpty() || name != name.trimmed())
        throw ProjectError(QStringLiteral("a team member needs a name without leading or "
                                          "trailing spaces, not “%1”")
                               .arg(name));
    if (name.toUtf8().size() > kMaxIdentifierBytes)
        throw ProjectError(QStringLiteral("the member name “%1” is longer than PostgreSQL's "
                                          "%2 bytes for a role")
                               .arg(name)
                               .arg(kMaxIdentifierBytes));
    if (name.startsWith(QLatin1String("pg_")) || name.startsWith(QLatin1String("framewise_")))
        throw ProjectError(
            QStringLiteral("the member name “%1” is reserved (pg_… and framewise_… are not "
                           "members' names)")
                .arg(name));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            throw ProjectError(
                QStringLiteral("the member name “%1” contains a control character").arg(name));
    }
}

// Trigger functions that keep the shared count tables: they run as the
// owner, so a coder's annotation moves the counts without the coder being
// able to write the count tables directly.
const QStringList kCountTriggers = {
    QStringLiteral("annotation_span_moved"),  QStringLiteral("code_articles_annotation_gone"),
    QStringLiteral("code_articles_link"),     QStringLiteral("code_articles_unlink"),
    QStringLiteral("code_days_follow"),       QStringLiteral("article_counts_follow"),
    QStringLiteral("code_articles_metadata"),
};

// What coders write besides their own rows: derived data the app fills in
// as anyone reads (search index, text units of segments).
const QStringList kCoderDerivedTables = {
    QStringLiteral("fts_pending"),
    QStringLiteral("article_search"),
    QStringLiteral("text_units"),
    QStringLiteral("segment_units"),
    QStringLiteral("units_pending_articles"),
    QStringLiteral("units_pending_segments"),
};

// The tables with row-level security, and for each the test of "this row is
// the current coder's" and of "this row may be read".
struct Policed
{
    const char *table;
    const char *own;
    const char *readable;
};
const Policed kPoliced[] = {
    {"annotations", "coder_id = framewise_current_coder()",
     "coder_id = framewise_current_coder() OR NOT framewise_blind_coding()"},
    // Codes and claims of an annotation go with it; the subquery sees only
    // the annotations this role may read (their policies apply inside it).
    {"annotation_codes",
     "annotation_id IN (SELECT id FROM annotations WHERE coder_id = framewise_current_coder())",
     "EXISTS (SELECT 1 FROM annotations a WHERE a.id = annotation_codes.annotation_id)"},
    {"claims",
     "annotation_id IN (SELECT id FROM annotations WHERE coder_id = framewise_current_coder())",
     "EXISTS (SELECT 1 FROM annotations a WHERE a.id = claims.annotation_id)"},
    {"memos", "coder_id = framewise_current_coder()",
     "coder_id IS NULL OR coder_id = framewise_current_coder() OR NOT framewise_blind_coding()"},
};

} // namespace

TeamAdmin::TeamAdmin(Database &db)
    : Repository(db)
{
    if (db.dialect().name() != QLatin1String("PostgreSQL"))
        throw ProjectError(
            QStringLiteral("%1: team commands need a postgresql:// project").arg(db.path()));
    m_database = SqlQuery::scalar(sql(), QStringLiteral("SELECT current_database()")).toString();
    m_schema = SqlQuery::scalar(sql(), QStringLiteral("SELECT current_schema()")).toString();
    if (leadGroup().toUtf8().size() > kMaxIdentifierBytes
        || coderGroup().toUtf8().size() > kMaxIdentifierBytes)
        throw ProjectError(QStringLiteral("%1: the database name “%2” is too long for its team "
                                          "roles (at most %3 bytes with framewise_coder_)")
                               .arg(db.path(), m_database)
                               .arg(kMaxIdentifierBytes));
}

QString TeamAdmin::leadGroup() const
{
    return QStringLiteral("framewise_lead_") + m_database;
}

QString TeamAdmin::coderGroup() const
{
    return QStringLiteral("framewise_coder_") + m_database;
}

bool TeamAdmin::roleExists(const QString &role) const
{
    SqlQuery q(sql(), QStringLiteral("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?"));
    q.bind(role).exec();
    return q.next();
}

void TeamAdmin::requireTeam() const
{
    if (!roleExists(leadGroup()) || !roleExists(coderGroup()))
        throw ProjectError(QStringLiteral("%1: not a team project yet (run `framewise team init "
                                          "URL --lead NAME` first)")
                               .arg(m_db.path()));
}

void TeamAdmin::addMember(const QString &name, const QString &group)
{
    checkName(name);
    if (!roleExists(name))
        SqlQuery::run(sql(), QStringLiteral("CREATE ROLE %1 LOGIN").arg(identifier(name)));
    SqlQuery::run(sql(), QStringLiteral("GRANT %1 TO %2").arg(identifier(group), identifier(name)));
    CoderRepository(m_db).ensure(name);
}

void TeamAdmin::init(const QString &leadName)
{
    checkName(leadName);
    m_db.requireWritable();
    write([&](ChangeSet &) {
        for (const QString &group : {leadGroup(), coderGroup()}) {
            if (!roleExists(group))
                SqlQuery::run(sql(),
                              QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(identifier(group)));
        }
        grantRights();
        addMember(leadName, leadGroup());
    });
}

bool TeamAdmin::isTeam() const
{
    return roleExists(leadGroup()) && roleExists(coderGroup());
}

void TeamAdmin::refreshRights()
{
    m_db.requireWritable();
    requireTeam();
    write([&](ChangeSet &) { grantRights(); });
}

void TeamAdmin::grantRights()
{
    const QString lead = identifier(leadGroup());
    const QString coder = identifier(coderGroup());
    const QString schema = identifier(m_schema);
    const QStringList grants = {
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2, %3")
            .arg(identifier(m_database), lead, coder),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2, %3").arg(schema, lead, coder),
        QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, lead),
        QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(schema, lead),
        QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schema, coder),
        QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1 TO %2")
            .arg(schema, coder),
        QStringLiteral("GRANT INSERT, UPDATE, DELETE ON annotations, annotation_codes, claims, "
                       "memos, %1 TO %2")
            .arg(kCoderDerivedTables.join(QStringLiteral(", ")), coder),
    };
    for (const QString &grant : grants)
        SqlQuery::run(sql(), grant);
    // A view runs as its owner unless told otherwise, which would let a
    // coder read past the policies of the tables below it.
    SqlQuery::run(sql(), QStringLiteral("ALTER VIEW segments SET (security_invoker = true)"));
    for (const QString &function : kCountTriggers)
        SqlQuery::run(sql(),
                      QStringLiteral("ALTER FUNCTION %1() SECURITY DEFINER "
                                     "SET search_path = %2, pg_temp")
                          .arg(function, schema));
    // Who "I" am in the policies: the coder named like the login role.
    SqlQuery::run(
        sql(),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION framewise_current_coder() RETURNS bigint "
            "LANGUAGE sql STABLE AS $$ SELECT id FROM coders WHERE name = current_user $$"));
    SqlQuery::run(sql(),
                  QStringLiteral("CREATE OR REPLACE FUNCTION framewise_blind_coding() RETURNS "
                                 "boolean LANGUAGE sql STABLE AS $$ SELECT coalesce((SELECT "
                                 "value = '1' FROM meta WHERE key = '%1'), false) $$")
                      .arg(QLatin1String(ProjectSettingsRepository::blindCodingKey)));
    for (const Policed &p : kPoliced) {
        const QString table = QLatin1String(p.table);
        const QString own = QLatin1String(p.own);
        SqlQuery::run(sql(),
                      QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table));
        const QList<std::pair<QString, QString>> policies = {
            {QStringLiteral("framewise_lead"),
             QStringLiteral("FOR ALL TO %1 USING (true) WITH CHECK (true)").arg(lead)},
            {QStringLiteral("framewise_coder_read"),
             QStringLiteral("FOR SELECT TO %1 USING (%2)")
                 .arg(coder, QLatin1String(p.readable))},
            {QStringLiteral("framewise_coder_insert"),
             QStringLiteral("FOR INSERT TO %1 WITH CHECK (%2)").arg(coder, own)},
            {QStringLiteral("framewise_coder_update"),
             QStringLiteral("FOR UPDATE TO %1 USING (%2) WITH CHECK (%2)").arg(coder, own)},
            {QStringLiteral("framewise_coder_delete"),
             QStringLiteral("FOR DELETE TO %1 USING (%2)").arg(coder, own)},
        };
        for (const auto &[policy, rule] : policies) {
            SqlQuery::run(sql(),
                          QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(policy, table));
            SqlQuery::run(sql(),
                          QStringLiteral("CREATE POLICY %1 ON %2 %3").arg(policy, table, rule));
        }
    }
}

void TeamAdmin::addCoder(const QString &name)
{
    checkName(name);
    m_db.requireWritable();
    requireTeam();
    write([&](ChangeSet &) { addMember(name, coderGroup()); });
}

void TeamAdmin::removeMember(const QString &name)
{
    checkName(name);
    m_db.requireWritable();
    requireTeam();
    const QList<Member> team = members();
    const auto found = std::find_if(team.cbegin(), team.cend(),
                                    [&](const Member &m) { return m.name == name; });
    if (found == team.cend())
        throw ProjectError(QStringLiteral("%1: “%2” is not a member of the team")
                               .arg(m_db.path(), name));
    if (found->role == Role::Lead
        && std::count_if(team.cbegin(), team.cend(), [](const Member &m) {
               return m.role == Role::Lead;
           }) == 1)
        throw ProjectError(QStringLiteral("%1: “%2” is the team's only lead; make another "
                                          "member lead first")
                               .arg(m_db.path(), name));
    write([&](ChangeSet &) {
        SqlQuery::run(sql(), QStringLiteral("REVOKE %1 FROM %2")
                                 .arg(identifier(found->role == Role::Lead ? leadGroup()
                                                                           : coderGroup()),
                                      identifier(name)));
    });
}

QList<TeamAdmin::Member> TeamAdmin::members() const
{
    requireTeam();
    SqlQuery q(sql(),
               QStringLiteral("SELECT m.rolname, g.rolname = ? FROM pg_catalog.pg_auth_members am "
                              "JOIN pg_catalog.pg_roles g ON g.oid = am.roleid "
                              "JOIN pg_catalog.pg_roles m ON m.oid = am.member "
                              "WHERE g.rolname IN (?, ?) ORDER BY g.rolname = ? DESC, m.rolname"));
    q.bind(leadGroup()).bind(leadGroup()).bind(coderGroup()).bind(leadGroup()).exec();
    QList<Member> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toBool() ? Role::Lead : Role::Coder});
    return result;
}

bool TeamAdmin::readsEverything() const
{
    // The policies bind members only: the owner and superusers pass them.
    if (!SqlQuery::scalar(sql(), QStringLiteral("SELECT row_security_active('annotations')"))
             .toBool())
        return true;
    if (!ProjectSettingsRepository(m_db).blindCoding())
        return true;
    SqlQuery q(sql(),
               QStringLiteral("SELECT pg_has_role(current_user, oid, 'MEMBER') "
                              "FROM pg_catalog.pg_roles WHERE rolname = ?"));
    q.bind(leadGroup()).exec();
    return q.next() && q.value(0).toBool();
}
