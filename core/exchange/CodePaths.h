#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

class ProjectSession;
struct ExchangeReport;

// Codes named by their place in the codebook, "Category > Parent > Code",
// as the segment tables and annotation bodies write them ("/" is common in
// code names, " > " is not).
class CodePaths
{
public:
    explicit CodePaths(const ProjectSession &session);

    QString path(qint64 codeId) const;
    QString name(qint64 codeId) const { return m_names.value(codeId); }

    static QString separator() { return QStringLiteral(" > "); }
    // The code a path names, found by its last part (names are unique) or
    // created with its category and parents; counts what it adds.
    static qint64 resolve(ProjectSession &session, const QString &path, ExchangeReport &report);

private:
    QHash<qint64, QString> m_paths;
    QHash<qint64, QString> m_names;
};
