#pragma once

#include "Repository.h"

// Settings of the project itself, as opposed to the user's: kept in the
// project's meta table, so every copy of the project carries them.
class ProjectSettingsRepository : public Repository
{
public:
    explicit ProjectSettingsRepository(Database &db);

    // Blind coding: while on, each coder sees only their own annotations.
    bool blindCoding() const;
    // One unit of work; announces ChangeSet::Setting blindCodingKey when
    // the value changes, nothing when it was already so.
    void setBlindCoding(bool on);

    static constexpr const char *blindCodingKey = "blind_coding";

private:
    QString value(const QString &key) const;
};
