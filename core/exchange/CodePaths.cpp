#include "CodePaths.h"

#include "ExchangeReport.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

CodePaths::CodePaths(const ProjectSession &session)
{
    QHash<qint64, QString> categories;
    for (const Category &c : session.codebook().categories())
        categories.insert(c.id, c.name);
    const QList<Code> codes = session.codebook().codes();
    QHash<qint64, const Code *> byId;
    for (const Code &c : codes)
        byId.insert(c.id, &c);
    for (const Code &c : codes) {
        QStringList parts {c.name};
        for (qint64 p = c.parentId; p && byId.contains(p); p = byId.value(p)->parentId)
            parts.prepend(byId.value(p)->name);
        parts.prepend(categories.value(c.categoryId));
        m_paths.insert(c.id, parts.join(separator()));
        m_names.insert(c.id, c.name);
    }
}

QString CodePaths::path(qint64 codeId) const
{
    return m_paths.value(codeId);
}

qint64 CodePaths::resolve(ProjectSession &session, const QString &path, ExchangeReport &report)
{
    QStringList parts = path.split(separator());
    for (QString &p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    if (parts.isEmpty())
        throw ProjectError(QStringLiteral("an empty code"));
    if (auto existing = session.codebook().codeByName(parts.constLast()))
        return existing->id;
    if (parts.size() == 1) {
        ++report.codesAdded;
        return session.codebook().ensureCode(parts.constFirst()).id;
    }
    qint64 categoryId = 0;
    if (auto existing = session.codebook().categoryByName(parts.constFirst())) {
        categoryId = existing->id;
    } else {
        Category c;
        c.name = parts.constFirst();
        c.position = int(session.codebook().categories().size());
        categoryId = session.codebook().addCategory(c);
    }
    qint64 parentId = 0;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (auto existing = session.codebook().codeByName(parts[i])) {
            parentId = existing->id;
            continue;
        }
        Code code;
        code.categoryId = categoryId;
        code.parentId = parentId;
        code.name = parts[i];
        parentId = session.codebook().addCode(code);
        ++report.codesAdded;
    }
    return parentId;
}
