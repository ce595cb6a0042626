#include "WebAnnotations.h"

#include "ClaimFields.h"
#include "CodePaths.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>
#include <memory>

namespace {

const QString kContext = QStringLiteral("http://www.w3.org/ns/anno.jsonld");
const QString kUrnUuid = QStringLiteral("urn:uuid:");

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject textBody(const QString &purpose, const QString &value)
{
    return {{QStringLiteral("type"), QStringLiteral("TextualBody")},
            {QStringLiteral("purpose"), purpose},
            {QStringLiteral("value"), value},
            {QStringLiteral("format"), QStringLiteral("text/plain")}};
}

QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray {v};
}

// Every annotation object in whatever shape the file holds them.
QList<QJsonObject> annotationsIn(const QJsonValue &root)
{
    QList<QJsonObject> out;
    if (root.isArray()) {
        for (const QJsonValue &v : root.toArray())
            out += annotationsIn(v);
        return out;
    }
    const QJsonObject o = root.toObject();
    const QJsonArray types = asArray(o.value(QLatin1String("type")));
    const auto is = [&](const char *t) { return types.contains(QJsonValue(QLatin1String(t))); };
    if (is("AnnotationCollection"))
        return annotationsIn(o.value(QLatin1String("first")));
    if (is("AnnotationPage") || o.contains(QLatin1String("items"))) {
        out += annotationsIn(o.value(QLatin1String("items")));
        return out;
    }
    if (o.contains(QLatin1String("rows"))) // Hypothesis search API answer
        return annotationsIn(o.value(QLatin1String("rows")));
    out << o;
    return out;
}

struct Place
{
    qint64 start = -1, end = -1; // code points
    QString how;
};

// The quote, with whitespace runs matching any whitespace.
QRegularExpression loosePattern(const QString &exact)
{
    QString pattern;
    const QStringList words = exact.simplified().split(QLatin1Char(' '));
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i)
            pattern += QStringLiteral("\\s+");
        pattern += QRegularExpression::escape(words[i]);
    }
    return QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption);
}

int contextScore(const QString &text, qsizetype from, qsizetype to, const QString &prefix,
                 const QString &suffix)
{
    int score = 0;
    const QString before = text.mid(qMax<qsizetype>(0, from - prefix.size()),
                                    from - qMax<qsizetype>(0, from - prefix.size()));
    for (qsizetype i = 1; i <= qMin(before.size(), prefix.size())
         && before[before.size() - i] == prefix[prefix.size() - i];
         ++i)
        ++score;
    const QString after = text.mid(to, suffix.size());
    for (qsizetype i = 0; i < qMin(after.size(), suffix.size()) && after[i] == suffix[i]; ++i)
        ++score;
    return score;
}

Place anchor(const QString &text, const TextOffsets &offsets, qint64 start, qint64 end,
             const QString &exact, const QString &prefix, const QString &suffix)
{
    if (start >= 0 && end > start && end <= offsets.codePointCount()) {
        const qsizetype a = offsets.toUtf16(start);
        if (exact.isEmpty() || text.mid(a, offsets.toUtf16(end) - a) == exact)
            return {start, end, QStringLiteral("position")};
    }
    if (exact.trimmed().isEmpty())
        return {};
    // By quote: every match, the one with the best context (then the
    // nearest to the given position) wins.
    struct Hit
    {
        qsizetype from, to;
    };
    QList<Hit> hits;
    for (qsizetype i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1))
        hits.append({i, i + exact.size()});
    QString how = QStringLiteral("quote");
    if (hits.isEmpty()) {
        auto it = loosePattern(exact).globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            hits.append({m.capturedStart(), m.capturedEnd()});
        }
        how = QStringLiteral("quote, whitespace differing");
    }
    if (hits.isEmpty())
        return {};
    const qsizetype near = start >= 0 ? offsets.toUtf16(start) : 0;
    const Hit *best = nullptr;
    int bestScore = -1;
    for (const Hit &h : hits) {
        const int score = contextScore(text, h.from, h.to, prefix, suffix);
        if (score > bestScore
            || (score == bestScore && qAbs(h.from - near) < qAbs(best->from - near))) {
            best = &h;
            bestScore = score;
        }
    }
    return {offsets.toCodePoint(best->from), offsets.toCodePoint(best->to), how};
}

QString uuidFromIri(const QString &iri)
{
    return iri.startsWith(kUrnUuid) ? iri.mid(kUrnUuid.size()).toLower() : QString();
}

} // namespace

QByteArray WebAnnotations::toJson(const ProjectSession &session, const ExchangeOptions &options,
                                  ExchangeReport &report)
{
    report.format = QStringLiteral("w3c");
    const CodePaths paths(session);
    QHash<qint64, QString> coderUuids;
    for (const Coder &c : session.coders().all())
        coderUuids.insert(c.id, c.uuid);
    const ClaimFields claimFields(session);
    QHash<qint64, QString> articleUuids;
    for (const ArticleSummary &s : session.articles().summaries())
        articleUuids.insert(s.id, session.articles().get(s.id)->uuid);
    QList<qint64> ids;
    for (const Annotation &a : session.annotations().all())
        ids << a.id;
    QJsonArray items;
    QSet<qint64> articles;
    for (const AnnotationRecord &r : session.annotations().records(ids)) {
        const Annotation &a = r.annotation;
        if (!options.coders.isEmpty() && !options.coders.contains(a.coderName))
            continue;
        QJsonArray body;
        bool wanted = options.codes.isEmpty();
        for (qint64 c : a.codeIds) {
            QJsonObject b = textBody(QStringLiteral("classifying"), paths.path(c));
            b.insert(QStringLiteral("id"), kUrnUuid + session.codebook().code(c)->uuid);
            body.append(b);
            wanted = wanted || options.codes.contains(paths.name(c), Qt::CaseInsensitive);
        }
        if (!wanted)
            continue;
        if (!a.note.isEmpty())
            body.append(textBody(QStringLiteral("commenting"), a.note));
        if (r.claim) {
            for (const auto &[key, value] : claimFields.fields(*r.claim)) {
                body.append(
                    textBody(QStringLiteral("describing"), key + QStringLiteral(": ") + value));
            }
        }
        QJsonObject target {{QStringLiteral("source"), kUrnUuid + articleUuids.value(a.articleId)}};
        if (!a.document) {
            target.insert(
                QStringLiteral("selector"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                                 {QStringLiteral("exact"), a.quote},
                                 {QStringLiteral("prefix"), a.prefix},
                                 {QStringLiteral("suffix"), a.suffix}},
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                 {QStringLiteral("start"), a.start},
                                 {QStringLiteral("end"), a.end}}});
        }
        items.append(QJsonObject {
            {QStringLiteral("@context"), kContext},
            {QStringLiteral("id"), kUrnUuid + a.uuid},
            {QStringLiteral("type"), QStringLiteral("Annotation")},
            {QStringLiteral("created"), iso(a.created)},
            {QStringLiteral("modified"), iso(a.modified)},
            {QStringLiteral("creator"),
             QJsonObject {{QStringLiteral("id"), kUrnUuid + coderUuids.value(a.coderId)},
                          {QStringLiteral("type"), QStringLiteral("Person")},
                          {QStringLiteral("name"), a.coderName}}},
            {QStringLiteral("body"), body},
            {QStringLiteral("target"), target},
        });
        articles.insert(a.articleId);
    }
    report.annotationsWritten = int(items.size());
    report.sourcesWritten = int(articles.size());
    const QString collection
        = QUuid::createUuidV5(QUuid(QStringLiteral("{6ba7b811-9dad-11d1-80b4-00c04fd430c8}")),
                              session.path())
              .toString(QUuid::WithoutBraces);
    const QJsonObject root {
        {QStringLiteral("@context"), kContext},
        {QStringLiteral("id"), kUrnUuid + collection},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"),
         QStringLiteral("Framewise: %1").arg(QFileInfo(session.path()).completeBaseName())},
        {QStringLiteral("total"), items.size()},
        {QStringLiteral("first"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("AnnotationPage")},
                      {QStringLiteral("startIndex"), 0},
                      {QStringLiteral("items"), items}}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool WebAnnotations::recognises(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(4096);
    return head.contains("anno.jsonld") || head.contains("\"TextQuoteSelector\"")
        || head.contains("hypothes.is");
}

ExchangeReport WebAnnotations::importFile(ProjectSession &session, const QString &path,
                                          const ExchangeOptions &options)
{
    ExchangeReport report;
    report.format = QStringLiteral("w3c");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        throw ProjectError(QStringLiteral("%1: not JSON (%2 at byte %3)")
                               .arg(path, error.errorString())
                               .arg(error.offset));
    const QList<QJsonObject> annotations
        = annotationsIn(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));

    struct Text
    {
        qint64 id;
        QString text;
        TextOffsets offsets;
    };
    QHash<QString, std::shared_ptr<Text>> byUuid, byUrl;
    for (const ArticleSummary &s : session.articles().summaries()) {
        const Article a = *session.articles().get(s.id);
        auto t = std::make_shared<Text>(Text {a.id, a.text, TextOffsets(a.text)});
        byUuid.insert(a.uuid, t);
        if (!a.url.isEmpty())
            byUrl.insert(a.url, t);
    }
    QSet<QString> known;
    QSet<QString> present; // article/start/end/code
    for (const Annotation &a : session.annotations().all()) {
        known.insert(a.uuid);
        for (qint64 c : a.codeIds)
            present.insert(
                QStringLiteral("%1/%2/%3/%4").arg(a.articleId).arg(a.start).arg(a.end).arg(c));
    }

    UnitOfWork unit(session.database());
    ClaimFields claimFields(session);
    QList<NewAnnotation> fresh;
    QList<std::optional<Claim>> claims;
    int utf16Converted = 0, byQuote = 0, done = 0;
    for (const QJsonObject &o : annotations) {
        if (!options.report(++done, int(annotations.size()))) {
            report.cancelled = true;
            return report;
        }
        const QString id = o.value(QLatin1String("id")).toString();
        const QString element
            = QStringLiteral("annotation %1").arg(id.isEmpty() ? QString::number(done) : id);
        const QString uuid = uuidFromIri(id);
        if (!uuid.isEmpty() && known.contains(uuid)) {
            ++report.annotationsKept;
            continue;
        }
        if (!o.contains(QLatin1String("target")))
            throw ProjectError(QStringLiteral("%1: %2: no target").arg(path, element));
        const QJsonObject target = asArray(o.value(QLatin1String("target"))).at(0).toObject();
        const QString source = target.isEmpty()
            ? asArray(o.value(QLatin1String("target"))).at(0).toString()
            : target.value(QLatin1String("source")).toString();
        std::shared_ptr<Text> text = byUuid.value(uuidFromIri(source));
        if (!text)
            text = byUrl.value(source);
        if (!text) {
            report.skipped.append(
                {path, element, QStringLiteral("its source %1 is not in the project").arg(source)});
            continue;
        }
        const QString creator = o.value(QLatin1String("creator")).isObject()
            ? o.value(QLatin1String("creator")).toObject().value(QLatin1String("name")).toString()
            : o.value(QLatin1String("creator")).toString();
        // Hypothesis counts TextPositionSelector offsets in UTF-16 units.
        const bool hypothesis = id.contains(QLatin1String("hypothes.is"))
            || creator.endsWith(QLatin1String("@hypothes.is"));
        qint64 start = -1, end = -1;
        QString exact, prefix, suffix;
        bool hasSelector = false;
        for (const QJsonValue &v : asArray(target.value(QLatin1String("selector")))) {
            const QJsonObject s = v.toObject();
            const QString type = s.value(QLatin1String("type")).toString();
            if (type == QLatin1String("TextPositionSelector")) {
                hasSelector = true;
                if (!s.value(QLatin1String("start")).isDouble()
                    || !s.value(QLatin1String("end")).isDouble())
                    throw ProjectError(
                        QStringLiteral(
                            "%1: %2: TextPositionSelector: start and end must be numbers")
                            .arg(path, element));
                start = s.value(QLatin1String("start")).toInteger();
                end = s.value(QLatin1String("end")).toInteger();
                if (hypothesis) {
                    start = text->offsets.toCodePoint(start);
                    end = text->offsets.toCodePoint(end);
                    ++utf16Converted;
                }
            } else if (type == QLatin1String("TextQuoteSelector")) {
                hasSelector = true;
                exact = s.value(QLatin1String("exact")).toString();
                prefix = s.value(QLatin1String("prefix")).toString();
                suffix = s.value(QLatin1String("suffix")).toString();
            }
        }
        NewAnnotation n;
        n.uuid = uuid;
        n.articleId = text->id;
        n.coderName = !options.coder.isEmpty()
            ? options.coder
            : creator.section(QLatin1Char('@'), 0, 0).remove(QStringLiteral("acct:"));
        std::optional<Claim> claim;
        QStringList notes;
        for (const QJsonValue &v : asArray(o.value(QLatin1String("body")))) {
            const QJsonObject b = v.toObject();
            const QString purpose = b.value(QLatin1String("purpose")).toString();
            const QString value = b.value(QLatin1String("value")).toString();
            if (purpose == QLatin1String("classifying") || purpose == QLatin1String("tagging")) {
                if (!value.trimmed().isEmpty())
                    n.codeIds << CodePaths::resolve(session, value, report);
            } else if (purpose == QLatin1String("describing")
                       && value.contains(QLatin1String(": "))) {
                if (!claim)
                    claim.emplace();
                claimFields.set(session, *claim, value.section(QStringLiteral(": "), 0, 0),
                                value.section(QStringLiteral(": "), 1), report);
            } else if (!value.isEmpty()) {
                notes << value;
            }
        }
        if (o.value(QLatin1String("bodyValue")).isString())
            notes << o.value(QLatin1String("bodyValue")).toString();
        n.note = notes.join(QStringLiteral("\n\n"));
        if (n.codeIds.isEmpty())
            n.codeIds << CodePaths::resolve(session, QStringLiteral("Web annotation"), report);
        if (!hasSelector) {
            n.document = true;
        } else {
            const Place p = anchor(text->text, text->offsets, start, end, exact, prefix, suffix);
            if (p.start < 0) {
                report.skipped.append(
                    {path, element,
                     QStringLiteral("could not place it: the quote “%1” is not in the article")
                         .arg(exact.left(60))});
                continue;
            }
            if (p.how != QLatin1String("position"))
                ++byQuote;
            n.start = p.start;
            n.end = p.end;
        }
        const QString key = QStringLiteral("%1/%2/%3/%4")
                                .arg(n.articleId)
                                .arg(n.document ? 0 : n.start)
                                .arg(n.document ? text->offsets.codePointCount() : n.end)
                                .arg(n.codeIds.constFirst());
        if (uuid.isEmpty() && present.contains(key)) {
            ++report.annotationsKept;
            continue;
        }
        present.insert(key);
        if (!uuid.isEmpty())
            known.insert(uuid);
        fresh << n;
        claims << claim;
    }
    if (utf16Converted)
        report.conversions << QStringLiteral(
                                  "%1 Hypothesis positions from UTF-16 units to code points")
                                  .arg(utf16Converted);
    if (byQuote)
        report.conversions << QStringLiteral(
                                  "%1 annotations placed by their quote, not their position")
                                  .arg(byQuote);
    const QList<qint64> ids = session.annotations().addMany(fresh);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (claims[i]) {
            Claim c = *claims[i];
            c.annotationId = ids[i];
            session.annotations().setClaim(c);
        }
    }
    report.annotationsAdded = int(ids.size());
    unit.commit();
    return report;
}
