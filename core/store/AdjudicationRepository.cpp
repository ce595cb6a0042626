#include "AdjudicationRepository.h"

#include "base/ProjectError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace {
using Aggregate = ChangeSet::Aggregate;

const QString kPrefix = QStringLiteral("adjudication/");
// The keys of the decisions: '0' follows '/', so this is a range scan.
const QString kSelect = QStringLiteral(
    "SELECT key, value FROM meta WHERE key >= 'adjudication/' AND key < 'adjudication0'");
const QString kInsert = QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)");
const QString kDelete = QStringLiteral("DELETE FROM meta WHERE key = ?");

QString key(qint64 id)
{
    return kPrefix + QString::number(id);
}

qint64 idOfKey(const QString &key)
{
    return key.mid(kPrefix.size()).toLongLong();
}
} // namespace

AdjudicationRepository::AdjudicationRepository(Database &db)
    : Repository(db)
{
}

QString AdjudicationRepository::uuidOf(const QString &table, qint64 id) const
{
    SqlQuery q(sql(), QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table));
    q.bind(id).exec();
    if (!q.next())
        throw ProjectError(QStringLiteral("adjudication: no %1 with id %2").arg(table).arg(id));
    return q.value(0).toString();
}

qint64 AdjudicationRepository::idOf(const QString &table, const QString &uuid) const
{
    SqlQuery q(sql(), QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table));
    q.bind(uuid).exec();
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<AdjudicationDecision> AdjudicationRepository::load(const QString &where,
                                                         const QVariantList &binds) const
{
    SqlQuery q(sql(), kSelect + where);
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
    QList<std::pair<qint64, QByteArray>> rows;
    while (q.next())
        rows.append({idOfKey(q.value(0).toString()), q.value(1).toString().toUtf8()});
    std::sort(rows.begin(), rows.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<AdjudicationDecision> out;
    for (const auto &[id, json] : rows) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        AdjudicationDecision d;
        d.id = id;
        d.consensusCoderId
            = idOf(QStringLiteral("coders"), o[QStringLiteral("consensus")].toString());
        d.articleId = idOf(QStringLiteral("articles"), o[QStringLiteral("article")].toString());
        if (!d.consensusCoderId || !d.articleId)
            continue; // its article or coder was deleted: nothing left to show it on
        d.unit = o[QStringLiteral("unit")].toString();
        d.start = o[QStringLiteral("start")].toInteger();
        d.end = o[QStringLiteral("end")].toInteger();
        for (const QJsonValue &v : o[QStringLiteral("codes")].toArray())
            if (const qint64 code = idOf(QStringLiteral("codes"), v.toString()))
                d.codeIds.append(code);
        if (d.codeIds.isEmpty())
            continue;
        std::sort(d.codeIds.begin(), d.codeIds.end());
        d.multiValued = o[QStringLiteral("multi")].toBool();
        for (const QJsonValue &v : o[QStringLiteral("accepted")].toArray())
            if (const qint64 coder = idOf(QStringLiteral("coders"), v.toString()))
                d.acceptedCoderIds.append(coder);
        for (const QJsonValue &v : o[QStringLiteral("annotations")].toArray())
            d.annotationUuids.append(v.toString());
        d.decided = SqlQuery::parseTime(o[QStringLiteral("decided")].toString());
        out.append(d);
    }
    return out;
}

QList<AdjudicationDecision> AdjudicationRepository::forCoder(qint64 consensusCoderId) const
{
    QList<AdjudicationDecision> out = load(QString(), {});
    out.removeIf(
        [&](const AdjudicationDecision &d) { return d.consensusCoderId != consensusCoderId; });
    return out;
}

std::optional<AdjudicationDecision> AdjudicationRepository::get(qint64 id) const
{
    const QList<AdjudicationDecision> found = load(QStringLiteral(" AND key = ?"), {key(id)});
    return found.isEmpty() ? std::nullopt : std::optional(found.front());
}

void AdjudicationRepository::insert(const AdjudicationDecision &d)
{
    QJsonArray codes, accepted, annotations;
    QList<qint64> sorted = d.codeIds;
    std::sort(sorted.begin(), sorted.end());
    for (qint64 id : sorted)
        codes.append(uuidOf(QStringLiteral("codes"), id));
    for (qint64 id : d.acceptedCoderIds)
        accepted.append(uuidOf(QStringLiteral("coders"), id));
    for (const QString &uuid : d.annotationUuids)
        annotations.append(uuid);
    const QJsonObject o {
        {QStringLiteral("consensus"), uuidOf(QStringLiteral("coders"), d.consensusCoderId)},
        {QStringLiteral("unit"), d.unit},
        {QStringLiteral("article"), uuidOf(QStringLiteral("articles"), d.articleId)},
        {QStringLiteral("start"), d.start},
        {QStringLiteral("end"), d.end},
        {QStringLiteral("codes"), codes},
        {QStringLiteral("multi"), d.multiValued},
        {QStringLiteral("accepted"), accepted},
        {QStringLiteral("annotations"), annotations},
        {QStringLiteral("decided"), SqlQuery::formatTime(d.decided)}};
    SqlQuery q(sql(), kInsert);
    q.bind(key(d.id))
        .bind(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)))
        .exec();
}

AdjudicationDecision AdjudicationRepository::add(const AdjudicationDecision &decision)
{
    return write([&](ChangeSet &changes) {
        AdjudicationDecision d = decision;
        // Ids follow the highest in use; keys are few (one per decision).
        SqlQuery q(sql(), kSelect);
        q.exec();
        qint64 last = 0;
        while (q.next())
            last = std::max(last, idOfKey(q.value(0).toString()));
        d.id = last + 1;
        if (!d.decided.isValid())
            d.decided = QDateTime::currentDateTimeUtc();
        std::sort(d.codeIds.begin(), d.codeIds.end());
        insert(d);
        changes.add(Aggregate::Adjudication, d.id);
        return d;
    });
}

AdjudicationDecision AdjudicationRepository::remove(qint64 id)
{
    return write([&](ChangeSet &changes) {
        const auto d = get(id);
        if (!d)
            throw ProjectError(QStringLiteral("adjudication: no decision %1").arg(id));
        SqlQuery(sql(), kDelete).bind(key(id)).exec();
        changes.remove(Aggregate::Adjudication, id);
        return *d;
    });
}

void AdjudicationRepository::restore(const AdjudicationDecision &decision)
{
    write([&](ChangeSet &changes) {
        insert(decision);
        changes.add(Aggregate::Adjudication, decision.id);
    });
}
