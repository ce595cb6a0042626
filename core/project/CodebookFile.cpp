#include "CodebookFile.h"

#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

[[noreturn]] void malformed(const QString &origin, const QString &where, const QString &what)
{
    throw ProjectError(QStringLiteral("%1: not a valid codebook: %2: %3").arg(origin, where, what));
}

// Checks the whole file before anything is written, so a bad file changes
// nothing and the message says where it went wrong.
void checkCodes(const QJsonValue &value, const QString &where, const QString &origin)
{
    if (value.isUndefined())
        return;
    if (!value.isArray())
        malformed(origin, where, QStringLiteral("must be a list"));
    const QJsonArray codes = value.toArray();
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!codes[i].isObject())
            malformed(origin, at, QStringLiteral("must be an object with a \"name\""));
        const QJsonObject o = codes[i].toObject();
        if (o.value(QLatin1String("name")).toString().trimmed().isEmpty())
            malformed(origin, at, QStringLiteral("a code needs a \"name\""));
        for (const char *key : {"description", "examples", "colour", "shortcut"}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (!v.isUndefined() && !v.isString())
                malformed(origin, at + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be text"));
        }
        checkCodes(o.value(QLatin1String("children")), at + QStringLiteral(".children"), origin);
    }
}

void check(const QJsonObject &root, const QString &origin)
{
    const QJsonValue version = root.value(QLatin1String("framewise_codebook"));
    if (version.isUndefined())
        throw ProjectError(QStringLiteral("%1: not a Framewise codebook (no \"framewise_codebook\" key)")
                               .arg(origin));
    if (version.toInt() > 1)
        throw ProjectError(QStringLiteral("%1: made by a newer Framewise (codebook format %2)")
                               .arg(origin)
                               .arg(version.toInt()));
    const QJsonValue categories = root.value(QLatin1String("categories"));
    if (!categories.isArray())
        malformed(origin, QStringLiteral("categories"), QStringLiteral("must be a list"));
    const QJsonArray list = categories.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("categories[%1]").arg(i);
        const QJsonObject o = list[i].toObject();
        if (!list[i].isObject() || o.value(QLatin1String("name")).toString().trimmed().isEmpty())
            malformed(origin, at, QStringLiteral("a category needs a \"name\""));
        const QJsonValue kind = o.value(QLatin1String("kind"));
        bool known = true;
        if (!kind.isUndefined())
            Category::kindFromName(kind.toString(), &known);
        if (!known)
            malformed(origin, at + QStringLiteral(".kind"),
                      QStringLiteral("“%1” is not one of claim, actor, frame, technique, custom")
                          .arg(kind.toString()));
        checkCodes(o.value(QLatin1String("codes")), at + QStringLiteral(".codes"), origin);
    }
}

void mergeCodes(ProjectSession &store, const QJsonArray &codes, qint64 categoryId, qint64 parentId,
                CodebookFile::MergeResult &result)
{
    // Most codes have no children: spare them a read of the whole codebook.
    if (codes.isEmpty())
        return;
    // New codes go after the ones already there, in the file's order.
    int position = 0;
    QSet<QString> shortcuts;
    for (const Code &c : store.codebook().codes()) {
        if (c.categoryId == categoryId && c.parentId == parentId)
            position = qMax(position, c.position + 1);
        if (!c.shortcut.isEmpty())
            shortcuts.insert(c.shortcut.toLower());
    }
    for (const QJsonValue &value : codes) {
        const QJsonObject o = value.toObject();
        const QString name = o.value(QLatin1String("name")).toString().trimmed();
        qint64 id = 0;
        if (auto existing = store.codebook().codeByName(name)) {
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
            if (!Code::isColour(code.colour))
                code.colour.clear(); // the store picks one
            // A key another code already uses stays with that code.
            code.shortcut = o.value(QLatin1String("shortcut")).toString().trimmed();
            if (shortcuts.contains(code.shortcut.toLower()))
                code.shortcut.clear();
            else if (!code.shortcut.isEmpty())
                shortcuts.insert(code.shortcut.toLower());
            code.position = position++;
            id = store.codebook().addCode(code);
            ++result.codesAdded;
        }
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

CodebookFile::MergeResult CodebookFile::merge(ProjectSession &store, const QByteArray &json,
                                              const QString &origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        throw ProjectError(QStringLiteral("%1: not a valid codebook (%2 at byte %3)")
                               .arg(origin, error.errorString())
                               .arg(error.offset));
    if (!doc.isObject())
        throw ProjectError(QStringLiteral("%1: not a Framewise codebook (expected a JSON object)").arg(origin));
    const QJsonObject root = doc.object();
    check(root, origin);
    MergeResult result;
    // One unit of work: a bad code half-way leaves the codebook as it was.
    UnitOfWork unit(store.database());
    int position = int(store.codebook().categories().size());
    for (const QJsonValue &value : root.value(QLatin1String("categories")).toArray()) {
        const QJsonObject o = value.toObject();
        const QString name = o.value(QLatin1String("name")).toString().trimmed();
        qint64 categoryId = 0;
        if (auto existing = store.codebook().categoryByName(name)) {
            categoryId = existing->id;
        } else {
            Category c;
            c.name = name;
            c.kind = Category::kindFromName(o.value(QLatin1String("kind")).toString());
            c.colour = o.value(QLatin1String("colour")).toString();
            if (!Code::isColour(c.colour))
                c.colour.clear(); // the store's grey
            c.position = position++;
            categoryId = store.codebook().addCategory(c);
            ++result.categoriesAdded;
        }
        mergeCodes(store, o.value(QLatin1String("codes")).toArray(), categoryId, 0, result);
    }
    unit.commit();
    return result;
}

QByteArray CodebookFile::exportJson(const ProjectSession &store, const QString &name)
{
    const QList<Code> codes = store.codebook().codes();
    QJsonArray categories;
    for (const Category &c : store.codebook().categories()) {
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
