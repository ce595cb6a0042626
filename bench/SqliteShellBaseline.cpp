#include "SqliteShellBaseline.h"

#include "import/ArticleImporter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <stdexcept>
#include <variant>

namespace {
QByteArray literal(const QString &s)
{
    QByteArray bytes = s.toUtf8();
    bytes.replace('\'', "''");
    return '\'' + bytes + '\'';
}

[[noreturn]] void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}
} // namespace

QString SqliteShellBaseline::findShell()
{
    return QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
}

void SqliteShellBaseline::writeScript(const QString &scriptPath, const QStringList &files)
{
    QFile script(scriptPath);
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
        fail(QStringLiteral("cannot write %1: %2").arg(scriptPath, script.errorString()));
    script.write(R"(.bail on
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;
BEGIN;
)");
    for (const QString &path : files) {
        const auto read = ArticleImporter::readFile(path);
        const auto *article = std::get_if<Article>(&read);
        if (!article)
            fail(std::get<QString>(read));
        script.write("INSERT INTO articles(title, text) VALUES (" + literal(article->title) + ", "
                     + literal(article->text) + ");\n");
    }
    script.write("COMMIT;\n");
    if (!script.flush())
        fail(QStringLiteral("cannot write %1: %2").arg(scriptPath, script.errorString()));
}

double SqliteShellBaseline::run(const QString &shell, const QString &scriptPath, const QString &databasePath)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(databasePath + QLatin1String(suffix));
    QProcess process;
    process.setStandardInputFile(scriptPath);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(shell, {databasePath});
    if (!process.waitForStarted())
        fail(QStringLiteral("cannot start %1: %2").arg(shell, process.errorString()));
    if (!process.waitForFinished(-1))
        fail(QStringLiteral("%1 did not finish: %2").arg(shell, process.errorString()));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(QStringLiteral("%1 failed: %2").arg(shell, QString::fromLocal8Bit(process.readAllStandardError())));
    return seconds;
}
