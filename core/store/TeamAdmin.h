#pragma once

#include "Repository.h"

#include <QList>
#include <QString>

// Team projects on PostgreSQL: who may do what, enforced by the server.
//
// Each member is a PostgreSQL login role of the same name as their row in
// coders (the name the app codes under). Membership in one of two NOLOGIN
// group roles per database gives the rights: framewise_lead_<db> may change
// everything (codebook, coders, articles, settings); framewise_coder_<db>
// reads everything and writes only its own annotations, their codes and
// claims, and its own memos (row-level security keyed on coders.name =
// current_user). While blind coding is on (ProjectSettingsRepository), a
// coder's SELECT sees no other coder's annotations, codes of them, claims or
// memos. Group roles rather than a members table: the grants then live in
// the server's catalogue, where no coder's SQL can edit them.
//
// The commands run as the database's owner (who created the project and so
// owns its tables and trigger functions) holding CREATEROLE, or as a
// superuser. init() may run again: it re-applies grants and policies, e.g.
// after an upgrade added tables.
class TeamAdmin : public Repository
{
public:
    enum class Role
    {
        Lead,
        Coder
    };
    struct Member
    {
        QString name;
        Role role;
        bool operator==(const Member &) const = default;
    };

    // Throws ProjectError when the project is not on PostgreSQL.
    explicit TeamAdmin(Database &db);

    // Sets up the group roles, grants and policies, and makes leadName a
    // lead: its login role is created (without a password) if missing.
    void init(const QString &leadName);
    // Makes name a coder (login role created if missing, and its coders row).
    // Throws ProjectError before init().
    void addCoder(const QString &name);
    // Takes a member off the team: their login role and coders row stay
    // (and all they coded), but they can no longer reach the project.
    // Refuses a name that is not a member and the only lead.
    void removeMember(const QString &name);
    // True once init() has run on this database.
    bool isTeam() const;
    // Grants the rights and policies again, e.g. after an upgrade added
    // tables (Database does so after migrating a team project).
    void refreshRights();
    // Leads first, then coders, each by name. Throws before init().
    QList<Member> members() const;

    // False when the connected role reads only part of the project: a coder
    // (not a lead, the owner or a superuser) while blind coding is on.
    bool readsEverything() const;

    // The group roles of this database.
    QString leadGroup() const;
    QString coderGroup() const;

private:
    void requireTeam() const;
    bool roleExists(const QString &role) const;
    void addMember(const QString &name, const QString &group);
    void grantRights();
    QString m_database;
    QString m_schema;
};
