#pragma once

#include <QString>

// `framewise team`: a PostgreSQL project's lead and coders (TeamAdmin).
// Each prints the members it made or lists, one ROLE<TAB>NAME line each
// (ROLE lead or coder), leads first. Returns a CommandLine exit code; store
// errors are thrown as ProjectError.
class TeamCommand
{
public:
    // Makes an empty database a project if it is not one yet.
    static int init(const QString &url, const QString &lead);
    static int addCoder(const QString &url, const QString &name);
    // Takes a member off the team; what they coded stays.
    static int remove(const QString &url, const QString &name);
    static int list(const QString &url);
};
