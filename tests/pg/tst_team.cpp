// Team projects on PostgreSQL: `framewise team init/add-coder/list`, and the
// server enforcing who may write what. The members connect with plain
// QPSQL SQL (what psql would send), not through the store, so only the
// server's grants and row-level security stand between a coder and other
// coders' rows. Registered only as tst_team_pg (scripts/with-postgres).
#include "CliRunner.h"
#include "RawSql.h"
#include "TestProject.h"
#include "base/ProjectError.h"
#include "store/Database.h"
#include "store/PostgresDialect.h"
#include "store/PostgresLocation.h"
#include "store/ProjectCopy.h"
#include "store/ProjectSettingsRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using Run = CliRunner::Run;

namespace {

// One member's own connection to the project's database, as its login role.
class Member
{
public:
    Member(const QString &url, const QString &role)
        : m_name(QStringLiteral("team-member-") + role)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(qEnvironmentVariable("FRAMEWISE_TEST_PGHOST"));
        db.setDatabaseName(PostgresLocation::parse(url).database);
        db.setUserName(role);
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~Member() { QSqlDatabase::removeDatabase(m_name); }
    QString connectError() const { return m_error; }

    // Rows changed, or -1 with error() set when the server refused.
    int exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            m_error = q.lastError().text();
            return -1;
        }
        m_error.clear();
        return q.numRowsAffected();
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next()) {
            m_error = q.lastError().text();
            return {};
        }
        return q.value(0);
    }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_error;
};

QString annotationInsert(const QString &coderExpression, int start)
{
    return QStringLiteral(
               "INSERT INTO annotations(article_id, coder_id, start, \"end\", quote, created_at, "
               "modified_at, uuid) VALUES ((SELECT min(id) FROM articles), %1, %2, %2 + 4, 'text', "
               "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', gen_random_uuid()::text)")
        .arg(coderExpression)
        .arg(start);
}

const QString kMe = QStringLiteral("(SELECT id FROM coders WHERE name = current_user)");

} // namespace

class TestTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cliSetsUpAndListsTheTeam();
    void cliRefusesWhatIsNotATeamProject();
    void serverEnforcesRoles();
    void upgradeExtendsRightsAndRemovalKeepsWork();

private:
    Run cli(const QStringList &args) const { return m_cli.run(args); }
    // Unique across test runs on one cluster: roles belong to the cluster.
    QString role(const char *name) const
    {
        return QStringLiteral("%1_%2")
            .arg(QLatin1String(name))
            .arg(QCoreApplication::applicationPid());
    }

    QTemporaryDir m_dir;
    const CliRunner m_cli {QStringLiteral(FRAMEWISE_BINARY), m_dir.path()};
    TestProject m_project;
};

void TestTeam::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(FRAMEWISE_BINARY)));
    QVERIFY2(TestProject::onPostgres(),
             "tst_team runs as tst_team_pg only "
             "(FRAMEWISE_TEST_BACKEND=postgresql)");
    REQUIRE_BACKEND(m_project);
}

void TestTeam::cliSetsUpAndListsTheTeam()
{
    const QString url = m_project.location(QStringLiteral("cli"));
    REQUIRE_BACKEND(m_project);
    const QString lead = role("cli_lead"), ana = role("cli_ana"), ben = role("cli_ben");

    Run r = cli(
        {QStringLiteral("team"), QStringLiteral("init"), url, QStringLiteral("--lead"), lead});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("lead\t%1\n").arg(lead));
    // Coders added in any order are listed by name, after the lead.
    for (const QString &coder : {ben, ana}) {
        r = cli({QStringLiteral("team"), QStringLiteral("add-coder"), url, coder});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("coder\t%1\n").arg(coder));
    }
    r = cli({QStringLiteral("team"), QStringLiteral("list"), url});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("lead\t%1\ncoder\t%2\ncoder\t%3\n").arg(lead, ana, ben));

    // init again re-applies everything and keeps the members.
    r = cli({QStringLiteral("team"), QStringLiteral("init"), url, QStringLiteral("--lead"), lead});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cli({QStringLiteral("team"), QStringLiteral("list"), url});
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("lead\t%1\ncoder\t%2\ncoder\t%3\n").arg(lead, ana, ben));

    // Each member is a coder of the project under the same name.
    auto db = Database::open(url);
    QSqlQuery names(db->connection());
    QVERIFY(names.exec(QStringLiteral("SELECT name FROM coders ORDER BY name")));
    QStringList coders;
    while (names.next())
        coders << names.value(0).toString();
    QStringList expected {lead, ana, ben};
    expected.sort();
    QCOMPARE(coders, expected);
}

void TestTeam::cliRefusesWhatIsNotATeamProject()
{
    const QString file = m_dir.filePath(QStringLiteral("alone.framewise"));
    Run r = cli({QStringLiteral("team"), QStringLiteral("list"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("framewise: team commands need a postgresql:// "
                                             "project, not “%1”\n")
                                  .arg(file)
                                  .toUtf8()),
             r.err.constData());
    QVERIFY(!QFile::exists(file));

    const QString url = m_project.location(QStringLiteral("notteam"));
    REQUIRE_BACKEND(m_project);
    // An empty database is no project: nothing is made of it but by init.
    r = cli({QStringLiteral("team"), QStringLiteral("add-coder"), url, role("nobody")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the database is empty"), r.err.constData());
    // A project without init.
    Database::open(url, Database::OpenMode::CreateIfMissing);
    r = cli({QStringLiteral("team"), QStringLiteral("list"), url});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: %1: not a team project yet (run `framewise team init URL "
                            "--lead NAME` first)\n")
                 .arg(url));
    // A database that is not there.
    const QString missing = QStringLiteral("postgresql:///framewise_no_such_db_%1?host=%2")
                                .arg(QCoreApplication::applicationPid())
                                .arg(qEnvironmentVariable("FRAMEWISE_TEST_PGHOST"));
    r = cli({QStringLiteral("team"), QStringLiteral("list"), missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(missing.toUtf8()), r.err.constData());
    // A reserved name.
    r = cli({QStringLiteral("team"), QStringLiteral("init"), url, QStringLiteral("--lead"),
             QStringLiteral("pg_monitor")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is reserved"), r.err.constData());
}

void TestTeam::serverEnforcesRoles()
{
    const QString url = m_project.location(QStringLiteral("rls"));
    REQUIRE_BACKEND(m_project);
    const QString leadName = role("lead"), aName = role("coder_a"), bName = role("coder_b");
    for (const QStringList &args :
         {QStringList {QStringLiteral("init"), url, QStringLiteral("--lead"), leadName},
          QStringList {QStringLiteral("add-coder"), url, aName},
          QStringList {QStringLiteral("add-coder"), url, bName}}) {
        const Run r = cli(QStringList {QStringLiteral("team")} + args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // The lead manages articles and the codebook.
    Member lead(url, leadName);
    QVERIFY2(lead.connectError().isEmpty(), qPrintable(lead.connectError()));
    QCOMPARE(lead.exec(QStringLiteral(
                 "INSERT INTO articles(title, text, content_hash, imported_at) "
                 "VALUES ('One', 'Some text of the article.', 'h1', '2026-01-01T00:00:00.000Z')")),
             1);
    QCOMPARE(lead.exec(QStringLiteral(
                 "INSERT INTO categories(name, kind, uuid) VALUES ('Frames', 'frame', 'c1')")),
             1);
    QCOMPARE(lead.exec(QStringLiteral("INSERT INTO codes(category_id, name, colour, uuid) "
                                      "SELECT id, 'Conflict', '#ff0000', 'k1' FROM categories")),
             1);

    Member a(url, aName), b(url, bName);
    QVERIFY2(a.connectError().isEmpty(), qPrintable(a.connectError()));
    QVERIFY2(b.connectError().isEmpty(), qPrintable(b.connectError()));

    // Each coder writes its own annotation and codes it; the kept counts
    // (tables coders cannot write) follow through the triggers.
    QCOMPARE(b.exec(annotationInsert(kMe, 0)), 1);
    QCOMPARE(b.exec(QStringLiteral("INSERT INTO annotation_codes(annotation_id, code_id) "
                                   "SELECT max(a.id), min(c.id) FROM annotations a, codes c")),
             1);
    QCOMPARE(b.exec(QStringLiteral("INSERT INTO claims(annotation_id, uuid) "
                                   "SELECT max(id), 'cl1' FROM annotations")),
             1);
    QCOMPARE(a.exec(annotationInsert(kMe, 5)), 1);
    QCOMPARE(b.exec(QStringLiteral("INSERT INTO memos(target, body, coder_id, created_at, "
                                   "modified_at, uuid) VALUES ('project', 'B thinks', %1, 'now', "
                                   "'now', 'm1')")
                        .arg(kMe)),
             1);
    QCOMPARE(a.scalar(QStringLiteral("SELECT annotations FROM article_counts")).toInt(), 2);
    QCOMPARE(a.scalar(QStringLiteral("SELECT segments FROM code_articles")).toInt(), 1);
    QCOMPARE(a.exec(QStringLiteral("UPDATE code_articles SET segments = 9")), -1);
    QVERIFY2(a.error().contains(QLatin1String("permission denied")), qPrintable(a.error()));

    const QString bRows
        = QStringLiteral("coder_id = (SELECT id FROM coders WHERE name = '%1')").arg(bName);
    // Blind coding off (the default): A reads B's annotation and its code...
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotations WHERE ") + bRows).toInt(),
             1);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotation_codes")).toInt(), 1);
    // ...but changes none of it.
    QCOMPARE(a.exec(QStringLiteral("UPDATE annotations SET note = 'mine now' WHERE ") + bRows), 0);
    QCOMPARE(a.exec(QStringLiteral("DELETE FROM annotations WHERE ") + bRows), 0);
    QCOMPARE(a.exec(QStringLiteral("DELETE FROM annotation_codes")), 0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM segments")).toInt(), 1);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM memos")).toInt(), 1);
    QCOMPARE(a.exec(QStringLiteral("UPDATE memos SET body = 'A thinks'")), 0);
    QCOMPARE(a.exec(QStringLiteral("DELETE FROM memos")), 0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM claims")).toInt(), 1);
    QCOMPARE(a.exec(QStringLiteral("UPDATE claims SET stance = 'opposes'")), 0);
    // Nor passes its own annotation to B, nor writes one in B's name.
    QCOMPARE(a.exec(QStringLiteral("UPDATE annotations SET coder_id = (SELECT id FROM coders "
                                   "WHERE name = '%1') WHERE coder_id = %2")
                        .arg(bName, kMe)),
             -1);
    QVERIFY2(a.error().contains(QLatin1String("row-level security")), qPrintable(a.error()));
    QCOMPARE(a.exec(annotationInsert(
                 QStringLiteral("(SELECT id FROM coders WHERE name = '%1')").arg(bName), 10)),
             -1);
    QVERIFY2(a.error().contains(QLatin1String("row-level security")), qPrintable(a.error()));
    QCOMPARE(b.scalar(QStringLiteral("SELECT note FROM annotations WHERE ") + bRows).toString(),
             QString());

    // The codebook, the coders and the settings are the lead's.
    QCOMPARE(a.exec(QStringLiteral("INSERT INTO codes(category_id, name, colour, uuid) "
                                   "SELECT id, 'Mine', '#00ff00', 'k2' FROM categories")),
             -1);
    QVERIFY2(a.error().contains(QLatin1String("permission denied")), qPrintable(a.error()));
    QCOMPARE(a.exec(QStringLiteral("UPDATE meta SET value = '0'")), -1);
    QCOMPARE(a.exec(QStringLiteral("INSERT INTO coders(name, created_at) VALUES ('x', 'now')")),
             -1);

    // Blind coding on, as the app's setting sets it: A sees only its own.
    {
        auto db = Database::open(url);
        ProjectSettingsRepository(*db).setBlindCoding(true);
    }
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotations WHERE ") + bRows).toInt(),
             0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotations")).toInt(), 1);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotation_codes")).toInt(), 0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM segments")).toInt(), 0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM memos")).toInt(), 0);
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM claims")).toInt(), 0);
    QCOMPARE(b.scalar(QStringLiteral("SELECT count(*) FROM annotations")).toInt(), 1);
    // The lead sees everyone's.
    QCOMPARE(lead.scalar(QStringLiteral("SELECT count(*) FROM annotations")).toInt(), 2);
    // A copy made as A would lack B's work: refused, nothing written. The
    // lead's copy has both.
    {
        const auto as = [&url](const QString &role) {
            QString roleUrl = url;
            return roleUrl.replace(QStringLiteral("postgresql://"),
                                   QStringLiteral("postgresql://%1@").arg(role));
        };
        const QString asCoder = m_dir.filePath(QStringLiteral("as-coder.framewise"));
        QString error;
        try {
            ProjectCopy::copy(as(aName), asCoder);
        } catch (const ProjectError &e) {
            error = e.message();
        }
        QVERIFY2(error.contains(QLatin1String("blind coding is on")), qPrintable(error));
        QVERIFY(!QFile::exists(asCoder));
        const QString asLead = m_dir.filePath(QStringLiteral("as-lead.framewise"));
        QCOMPARE(ProjectCopy::copy(as(leadName), asLead).rows(QStringLiteral("annotations")), 2);
    }
    {
        auto db = Database::open(url);
        ProjectSettingsRepository(*db).setBlindCoding(false);
    }
    QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM annotations WHERE ") + bRows).toInt(),
             1);

    // Through the store, with its role in the URL, A opens the project and
    // reads it, but the server refuses its change of a lead's setting.
    {
        QString coderUrl = url;
        coderUrl.replace(QStringLiteral("postgresql://"),
                         QStringLiteral("postgresql://%1@").arg(aName));
        auto db = Database::open(coderUrl);
        ProjectSettingsRepository settings(*db);
        QCOMPARE(settings.blindCoding(), false);
        QString error;
        try {
            settings.setBlindCoding(true);
        } catch (const ProjectError &e) {
            error = e.message();
        }
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
        QCOMPARE(settings.blindCoding(), false);
    }

    // A deletes its own; the counts follow.
    QCOMPARE(a.exec(QStringLiteral("DELETE FROM annotations WHERE coder_id = ") + kMe), 1);
    QCOMPARE(a.scalar(QStringLiteral("SELECT annotations FROM article_counts")).toInt(), 1);
    // The lead may change any coder's rows.
    QCOMPARE(lead.exec(QStringLiteral("UPDATE annotations SET note = 'checked'")), 1);
}

void TestTeam::upgradeExtendsRightsAndRemovalKeepsWork()
{
    const QString url = m_project.location(QStringLiteral("remove"));
    REQUIRE_BACKEND(m_project);
    const QString leadName = role("rm_lead"), ana = role("rm_ana");
    for (const QStringList &args :
         {QStringList {QStringLiteral("init"), url, QStringLiteral("--lead"), leadName},
          QStringList {QStringLiteral("add-coder"), url, ana}}) {
        const Run r = cli(QStringList {QStringLiteral("team")} + args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    Member lead(url, leadName);
    QCOMPARE(lead.exec(QStringLiteral(
                 "INSERT INTO articles(title, text, content_hash, imported_at) "
                 "VALUES ('One', 'Some text of the article.', 'h1', '2026-01-01T00:00:00.000Z')")),
             1);
    {
        Member a(url, ana);
        QCOMPARE(a.exec(annotationInsert(kMe, 0)), 1);
    }

    // The project as it was before version 11 added article_counts (and
    // 12 and 13 row versions and the search table): the team was set up
    // before they existed.
    RawSql::run(url, RawSql::postgresBeforeVersion13()
                         << QStringLiteral("DROP TABLE article_counts")
                         << QStringLiteral("DROP FUNCTION article_counts_follow() CASCADE")
                         << QStringLiteral("ALTER TABLE categories DROP COLUMN version")
                         << QStringLiteral("ALTER TABLE codes DROP COLUMN version")
                         << QStringLiteral("ALTER TABLE actors DROP COLUMN version")
                         << QStringLiteral("UPDATE framewise_schema SET version = 10"));
    // The owner opens it: upgraded to this version.
    QCOMPARE(Database::open(url)->schemaVersion(), PostgresDialect().schemaVersion());
    {
        // The new table is readable, and its trigger still runs for a coder.
        Member a(url, ana);
        QCOMPARE(a.scalar(QStringLiteral("SELECT annotations FROM article_counts")).toInt(), 1);
        QCOMPARE(a.exec(annotationInsert(kMe, 5)), 1);
        QCOMPARE(a.scalar(QStringLiteral("SELECT annotations FROM article_counts")).toInt(), 2);
        // Version 13's search table: a coder's app indexes new articles.
        QCOMPARE(a.exec(QStringLiteral(
                     "INSERT INTO article_search(article_id, search) SELECT id, "
                     "framewise_search_document(title, text) FROM articles ON CONFLICT "
                     "(article_id) DO UPDATE SET search = excluded.search")),
                 1);
    }

    Run r = cli({QStringLiteral("team"), QStringLiteral("remove"), url, ana});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("removed\t%1\n").arg(ana));
    r = cli({QStringLiteral("team"), QStringLiteral("list"), url});
    QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("lead\t%1\n").arg(leadName));
    {
        // Off the team: neither reads nor writes any more...
        Member a(url, ana);
        QCOMPARE(a.exec(annotationInsert(kMe, 9)), -1);
        QVERIFY2(a.error().contains(QLatin1String("permission denied")), qPrintable(a.error()));
        QVERIFY(!a.scalar(QStringLiteral("SELECT count(*) FROM articles")).isValid());
        QVERIFY2(a.error().contains(QLatin1String("permission denied")), qPrintable(a.error()));
    }
    // ... but what they coded stays, under their name.
    QCOMPARE(lead.scalar(QStringLiteral("SELECT count(*) FROM annotations a JOIN coders c ON "
                                        "c.id = a.coder_id WHERE c.name = '%1'")
                             .arg(ana))
                 .toInt(),
             2);

    r = cli({QStringLiteral("team"), QStringLiteral("remove"), url, ana});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: %1: “%2” is not a member of the team\n").arg(url, ana));
    r = cli({QStringLiteral("team"), QStringLiteral("remove"), url, leadName});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QString::fromUtf8(r.err),
             QStringLiteral("framewise: %1: “%2” is the team's only lead; make another member "
                            "lead first\n")
                 .arg(url, leadName));
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
