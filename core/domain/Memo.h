#pragma once

#include <QDateTime>
#include <QString>

// A researcher's note on the project, an article, a code, an annotation or
// an actor.
struct Memo
{
    enum class Target { Project, Article, Code, Annotation, Actor };

    qint64 id = 0;
    QString uuid;
    Target target = Target::Project;
    qint64 targetId = 0;
    QString title;
    QString body;
    qint64 coderId = 0;
    QDateTime created;
    QDateTime modified;

    // The name stored in memos.target ("article", "code", ...).
    static QString targetName(Target target);
    static Target targetFromName(const QString &name);
};
