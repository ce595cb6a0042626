#include "AnnotationExporter.h"

#include "base/DelimitedText.h"

#include "store/ProjectSession.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QList<Annotation> annotationsOf(const ProjectSession &store, qint64 articleId)
{
    return articleId ? store.annotations().forArticle(articleId) : store.annotations().all();
}

QHash<qint64, QString> codeNames(const ProjectSession &store)
{
    QHash<qint64, QString> names;
    for (const Code &c : store.codebook().codes())
        names.insert(c.id, c.name);
    return names;
}

QStringList namesOf(const Annotation &a, const QHash<qint64, QString> &names)
{
    QStringList list;
    for (qint64 id : a.codeIds)
        list << names.value(id);
    return list;
}

QString scopeOf(const Annotation &a)
{
    return a.document ? QStringLiteral("document") : QStringLiteral("span");
}

} // namespace


QByteArray AnnotationExporter::toTsv(const ProjectSession &store, qint64 articleId)
{
    const auto names = codeNames(store);
    // The column names carry the unit of the offsets. A whole-article
    // code says so in scope: its offsets are then the whole text.
    QString out = QStringLiteral("article_id\tannotation_id\tscope\tstart_codepoint\tend_codepoint\t"
                                 "quote\tcodes\tcoder\tnote\tuuid\n");
    for (const Annotation &a : annotationsOf(store, articleId)) {
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t")
                   .arg(a.articleId)
                   .arg(a.id)
                   .arg(scopeOf(a))
                   .arg(a.start)
                   .arg(a.end);
        out += DelimitedText::tsvField(a.quote) + QLatin1Char('\t');
        out += DelimitedText::tsvField(namesOf(a, names).join(QStringLiteral("; "))) + QLatin1Char('\t');
        out += DelimitedText::tsvField(a.coderName) + QLatin1Char('\t') + DelimitedText::tsvField(a.note);
        out += QLatin1Char('\t') + a.uuid + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray AnnotationExporter::toJson(const ProjectSession &store, qint64 articleId)
{
    const auto names = codeNames(store);
    QJsonArray list;
    for (const Annotation &a : annotationsOf(store, articleId)) {
        list.append(QJsonObject{
            {QStringLiteral("article_id"), a.articleId},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("uuid"), a.uuid},
            {QStringLiteral("scope"), scopeOf(a)},
            {QStringLiteral("start"), a.start},
            {QStringLiteral("end"), a.end},
            {QStringLiteral("quote"), a.quote},
            {QStringLiteral("codes"), QJsonArray::fromStringList(namesOf(a, names))},
            {QStringLiteral("coder"), a.coderName},
            {QStringLiteral("note"), a.note},
            {QStringLiteral("created"), a.created.toString(Qt::ISODateWithMs)},
        });
    }
    const QJsonObject root{{QStringLiteral("offset_unit"), QStringLiteral("unicode_code_point")},
                           {QStringLiteral("annotations"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
