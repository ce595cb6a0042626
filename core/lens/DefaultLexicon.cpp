#include "DefaultLexicon.h"

#include "base/ProjectError.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QList<LexiconTerm> DefaultLexicon::terms()
{
    QList<LexiconTerm> all;
    const QDir dir(QStringLiteral(":/framewise/lens"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += parse(file.readAll(), name);
    }
    return all;
}

QList<LexiconTerm> DefaultLexicon::parse(const QByteArray &json, const QString &fileName)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject root = doc.object();
    const QString language = root.value(QLatin1String("language")).toString();
    if (doc.isNull() || language.isEmpty() || !root.value(QLatin1String("cues")).isObject())
        throw ProjectError(QStringLiteral("%1 is not a Framewise lexicon (%2)")
                               .arg(fileName, error.errorString()));
    QList<LexiconTerm> terms;
    const QJsonObject cues = root.value(QLatin1String("cues")).toObject();
    for (auto it = cues.begin(); it != cues.end(); ++it) {
        for (const QJsonValue &term : it.value().toArray())
            terms.append({it.key(), language, term.toString()});
    }
    return terms;
}
