#include "CodebookFile.h"

#include "store/ProjectError.h"
#include "store/ProjectStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

void mergeCodes(ProjectStore &store, const QJsonArray &codes, qint64 categoryId, qint64 parentId,
                CodebookFile::MergeResult &result)
{
    int position = 0;
    for (const QJsonValue &value : codes) {
        const QJsonObject o = value.toObject();
        const QString name = o.value(QLatin1String("name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        qint64 id = 0;
        if (auto existing = store.codeByName(name)) {
            id = existing->id;
            ++result.codesKept;
        } else {
            Code code;
            code.categoryId = categoryId;
            code.parentId = parentId;
            code.name = name;
            code.description = o.value(QLatin1String("description")).toString();
            const QString examples = o.value(QLatin1String("examples")).toString();
            if (!examples.isEmpty())
                code.description += QStringLiteral("\nExample: ") + examples;
            code.colour = o.value(QLatin1String("colour")).toString();
            code.shortcut = o.value(QLatin1String("shortcut")).toString();
            code.position = position;
            id = store.addCode(code);
            ++result.codesAdded;
        }
        ++position;
        mergeCodes(store, o.value(QLatin1String("children")).toArray(), categoryId, id, result);
    }
}

QJsonArray exportCodes(const QList<Code> &all, qint64 categoryId, qint64 parentId)
{
    QJsonArray array;
    for (const Code &c : all) {
        if (c.categoryId != categoryId || c.parentId != parentId)
            continue;
        QJsonObject o{{QStringLiteral("name"), c.name}, {QStringLiteral("colour"), c.colour}};
        if (!c.description.isEmpty())
            o.insert(QStringLiteral("description"), c.description);
        if (!c.shortcut.isEmpty())
            o.insert(QStringLiteral("shortcut"), c.shortcut);
        const QJsonArray children = exportCodes(all, categoryId, c.id);
        if (!children.isEmpty())
            o.insert(QStringLiteral("children"), children);
        array.append(o);
    }
    return array;
}

} // namespace

CodebookFile::MergeResult CodebookFile::merge(ProjectStore &store, const QByteArray &json,
                                              const QString &origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        throw ProjectError(QStringLiteral("%1: not a valid codebook (%2 at byte %3)")
                               .arg(origin, error.errorString())
                               .arg(error.offset));
    const QJsonObject root = doc.object();
    if (!root.contains(QLatin1String("framewise_codebook")))
        throw ProjectError(QStringLiteral("%1: not a Framewise codebook (no \"framewise_codebook\" key)")
                               .arg(origin));
    MergeResult result;
    int position = int(store.categories().size());
    for (const QJsonValue &value : root.value(QLatin1String("categories")).toArray()) {
        const QJsonObject o = value.toObject();
        const QString name = o.value(QLatin1String("name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        qint64 categoryId = 0;
        if (auto existing = store.categoryByName(name)) {
            categoryId = existing->id;
        } else {
            Category c;
            c.name = name;
            c.kind = Category::kindFromName(o.value(QLatin1String("kind")).toString());
            c.colour = o.value(QLatin1String("colour")).toString();
            c.position = position++;
            categoryId = store.addCategory(c);
            ++result.categoriesAdded;
        }
        mergeCodes(store, o.value(QLatin1String("codes")).toArray(), categoryId, 0, result);
    }
    return result;
}

QByteArray CodebookFile::exportJson(const ProjectStore &store, const QString &name)
{
    const QList<Code> codes = store.codes();
    QJsonArray categories;
    for (const Category &c : store.categories()) {
        categories.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("kind"), Category::kindName(c.kind)},
                                      {QStringLiteral("colour"), c.colour},
                                      {QStringLiteral("codes"), exportCodes(codes, c.id, 0)}});
    }
    const QJsonObject root{{QStringLiteral("framewise_codebook"), 1},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("categories"), categories}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
