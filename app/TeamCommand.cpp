#include "TeamCommand.h"

#include "CommandLine.h"
#include "store/Database.h"
#include "store/TeamAdmin.h"

namespace {
QString line(const TeamAdmin::Member &member)
{
    return QStringLiteral("%1\t%2\n")
        .arg(member.role == TeamAdmin::Role::Lead ? QStringLiteral("lead")
                                                  : QStringLiteral("coder"),
             member.name);
}
} // namespace

int TeamCommand::init(const QString &url, const QString &lead)
{
    auto db = Database::open(url, Database::OpenMode::CreateIfMissing);
    TeamAdmin(*db).init(lead);
    CommandLine::out(line({lead, TeamAdmin::Role::Lead}));
    return CommandLine::Success;
}

int TeamCommand::addCoder(const QString &url, const QString &name)
{
    auto db = Database::open(url);
    TeamAdmin(*db).addCoder(name);
    CommandLine::out(line({name, TeamAdmin::Role::Coder}));
    return CommandLine::Success;
}

int TeamCommand::remove(const QString &url, const QString &name)
{
    auto db = Database::open(url);
    TeamAdmin(*db).removeMember(name);
    CommandLine::out(QStringLiteral("removed\t%1\n").arg(name));
    return CommandLine::Success;
}

int TeamCommand::list(const QString &url)
{
    auto db = Database::open(url);
    QString text;
    for (const TeamAdmin::Member &member : TeamAdmin(*db).members())
        text += line(member);
    CommandLine::out(text);
    return CommandLine::Success;
}
