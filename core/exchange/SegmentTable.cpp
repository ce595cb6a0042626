#include "SegmentTable.h"

#include "ClaimFields.h"
#include "CodePaths.h"
#include "CsvRecords.h"
#include "base/DelimitedText.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringDecoder>
#include <map>
#include <memory>
#include <tuple>

namespace {

const QString kCodeJoin = QStringLiteral(" | ");

using Row = QHash<QString, QString>;

QList<Row> rowsOf(const ProjectSession &session, const ExchangeOptions &options)
{
    const CodePaths paths(session);
    const ClaimFields claimFields(session);
    QHash<qint64, Article> articles;
    for (const ArticleSummary &s : session.articles().summaries())
        articles.insert(s.id, *session.articles().get(s.id));
    QList<qint64> ids;
    for (const Annotation &a : session.annotations().all())
        ids << a.id;
    QList<Row> rows;
    for (const AnnotationRecord &r : session.annotations().records(ids)) {
        const Annotation &a = r.annotation;
        if (!options.coders.isEmpty() && !options.coders.contains(a.coderName))
            continue;
        QStringList codes;
        bool wanted = options.codes.isEmpty();
        for (qint64 c : a.codeIds) {
            codes << paths.path(c);
            wanted = wanted || options.codes.contains(paths.name(c), Qt::CaseInsensitive);
        }
        if (!wanted)
            continue;
        const Article &article = articles[a.articleId];
        Row row {{QStringLiteral("annotation_uuid"), a.uuid},
                 {QStringLiteral("article_uuid"), article.uuid},
                 {QStringLiteral("article_id"), QString::number(a.articleId)},
                 {QStringLiteral("article_title"), article.title},
                 {QStringLiteral("scope"),
                  a.document ? QStringLiteral("document") : QStringLiteral("span")},
                 {QStringLiteral("code_path"), codes.join(kCodeJoin)},
                 {QStringLiteral("coder"), a.coderName},
                 {QStringLiteral("start_codepoint"), QString::number(a.start)},
                 {QStringLiteral("end_codepoint"), QString::number(a.end)},
                 {QStringLiteral("quote"), a.quote},
                 {QStringLiteral("note"), a.note},
                 {QStringLiteral("created"), a.created.toUTC().toString(Qt::ISODateWithMs)}};
        if (r.claim) {
            for (const auto &[name, value] : claimFields.fields(*r.claim))
                row.insert(name, value);
        }
        rows << row;
    }
    return rows;
}

QString decodeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    QStringDecoder decoder(QStringConverter::Utf8); // drops a BOM
    const QString text = decoder(file.readAll());
    if (decoder.hasError())
        throw ProjectError(QStringLiteral("%1: not valid UTF-8").arg(path));
    return text;
}

struct Record
{
    int line = 0;
    Row fields;
};

QList<Record> readCsv(const QString &path, const QString &text)
{
    const QList<CsvRecords::Row> rows = CsvRecords::parse(text, path);
    if (rows.isEmpty())
        throw ProjectError(QStringLiteral("%1: empty, expected a header line").arg(path));
    const QStringList header = rows.constFirst().fields;
    QList<Record> out;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        Record r {rows[i].line, {}};
        if (rows[i].fields.size() != header.size())
            throw ProjectError(QStringLiteral("%1: line %2: %3 fields where the header has %4")
                                   .arg(path)
                                   .arg(r.line)
                                   .arg(rows[i].fields.size())
                                   .arg(header.size()));
        for (qsizetype c = 0; c < header.size(); ++c)
            r.fields.insert(header[c].trimmed(), rows[i].fields[c]);
        out << r;
    }
    return out;
}

QList<Record> readJsonLines(const QString &path, const QString &text)
{
    QList<Record> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(lines[i].toUtf8(), &error);
        if (!doc.isObject())
            throw ProjectError(QStringLiteral("%1: line %2: not a JSON object (%3)")
                                   .arg(path)
                                   .arg(i + 1)
                                   .arg(error.errorString()));
        Record r {int(i + 1), {}};
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            r.fields.insert(it.key(),
                            it.value().isDouble() ? QString::number(it.value().toInteger())
                                                  : it.value().toString());
        out << r;
    }
    return out;
}

} // namespace

QStringList SegmentTable::columns()
{
    return {QStringLiteral("annotation_uuid"),
            QStringLiteral("article_uuid"),
            QStringLiteral("article_id"),
            QStringLiteral("article_title"),
            QStringLiteral("scope"),
            QStringLiteral("code_path"),
            QStringLiteral("coder"),
            QStringLiteral("start_codepoint"),
            QStringLiteral("end_codepoint"),
            QStringLiteral("quote"),
            QStringLiteral("note"),
            QStringLiteral("stance"),
            QStringLiteral("claim_kind"),
            QStringLiteral("status"),
            QStringLiteral("evidence"),
            QStringLiteral("speaker"),
            QStringLiteral("target"), // ClaimFields::names(), in that order
            QStringLiteral("created")};
}

QByteArray SegmentTable::toCsv(const ProjectSession &session, const ExchangeOptions &options,
                               ExchangeReport &report)
{
    report.format = QStringLiteral("csv");
    QString out;
    QStringList header;
    for (const QString &c : columns())
        header << DelimitedText::csvField(c);
    out += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    const QList<Row> rows = rowsOf(session, options);
    QSet<QString> articles;
    for (const Row &row : rows) {
        QStringList fields;
        for (const QString &c : columns())
            fields << DelimitedText::csvField(row.value(c));
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        articles.insert(row.value(QStringLiteral("article_uuid")));
    }
    report.annotationsWritten = int(rows.size());
    report.sourcesWritten = int(articles.size());
    QByteArray bytes = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    return bytes + out.toUtf8();
}

QByteArray SegmentTable::toJsonLines(const ProjectSession &session, const ExchangeOptions &options,
                                     ExchangeReport &report)
{
    report.format = QStringLiteral("jsonl");
    QByteArray out;
    const QList<Row> rows = rowsOf(session, options);
    QSet<QString> articles;
    for (const Row &row : rows) {
        QJsonObject o;
        for (const QString &c : columns()) {
            const QString v = row.value(c);
            if (c == QLatin1String("start_codepoint") || c == QLatin1String("end_codepoint")
                || c == QLatin1String("article_id"))
                o.insert(c, v.toLongLong());
            else
                o.insert(c, v);
        }
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        articles.insert(row.value(QStringLiteral("article_uuid")));
    }
    report.annotationsWritten = int(rows.size());
    report.sourcesWritten = int(articles.size());
    return out;
}

ExchangeReport SegmentTable::importFile(ProjectSession &session, const QString &path,
                                        const ExchangeOptions &options)
{
    ExchangeReport report;
    const QString text = decodeFile(path);
    const bool jsonl = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive);
    report.format = jsonl ? QStringLiteral("jsonl") : QStringLiteral("csv");
    const QList<Record> records = jsonl ? readJsonLines(path, text) : readCsv(path, text);
    if (!jsonl && !records.isEmpty()) {
        for (const char *needed : {"code_path", "start_codepoint", "end_codepoint"}) {
            if (!records.constFirst().fields.contains(QLatin1String(needed)))
                throw ProjectError(QStringLiteral("%1: the header has no column “%2”")
                                       .arg(path, QLatin1String(needed)));
        }
    }

    // Articles by UUID and by title; annotations already there by UUID and by span.
    QHash<QString, qint64> byUuid, byTitle;
    QSet<QString> ambiguousTitles;
    struct Text
    {
        QString text;
        TextOffsets offsets;
    };
    QHash<qint64, std::shared_ptr<Text>> texts;
    for (const ArticleSummary &s : session.articles().summaries()) {
        const Article a = *session.articles().get(s.id);
        byUuid.insert(a.uuid, a.id);
        if (byTitle.contains(a.title))
            ambiguousTitles.insert(a.title);
        byTitle.insert(a.title, a.id);
        texts.insert(a.id, std::make_shared<Text>(Text {a.text, TextOffsets(a.text)}));
    }
    QSet<QString> knownUuids;
    using Key = std::tuple<qint64, qint64, qint64, QString>; // article, start, end, coder
    std::map<Key, int> present;
    for (const Annotation &a : session.annotations().all()) {
        knownUuids.insert(a.uuid);
        ++present[{a.articleId, a.start, a.end, a.coderName}];
    }
    UnitOfWork unit(session.database());
    ClaimFields claimFields(session);
    QList<NewAnnotation> fresh;
    QList<std::optional<Claim>> claims;
    int done = 0;
    for (const Record &r : records) {
        const auto field
            = [&](const char *name) { return r.fields.value(QLatin1String(name)).trimmed(); };
        const auto fail = [&](const QString &what) {
            throw ProjectError(QStringLiteral("%1: line %2: %3").arg(path).arg(r.line).arg(what));
        };
        if (!options.report(++done, int(records.size()))) {
            report.cancelled = true;
            return report;
        }
        const QString uuid = field("annotation_uuid");
        if (!uuid.isEmpty() && knownUuids.contains(uuid)) {
            ++report.annotationsKept;
            continue;
        }
        qint64 articleId = byUuid.value(field("article_uuid"));
        const QString title = r.fields.value(QStringLiteral("article_title"));
        if (!articleId && !title.isEmpty() && !ambiguousTitles.contains(title))
            articleId = byTitle.value(title);
        if (!articleId)
            fail(QStringLiteral("article_uuid/article_title: no article “%1” in the project")
                     .arg(title));
        const Text &t = *texts.value(articleId);
        bool okStart = false, okEnd = false;
        NewAnnotation n;
        n.uuid = uuid;
        n.articleId = articleId;
        n.start = field("start_codepoint").toLongLong(&okStart);
        n.end = field("end_codepoint").toLongLong(&okEnd);
        n.document = field("scope") == QLatin1String("document");
        if (!okStart || !okEnd)
            fail(QStringLiteral("start_codepoint/end_codepoint: not whole numbers"));
        if (!n.document) {
            if (n.start < 0 || n.end <= n.start || n.end > t.offsets.codePointCount())
                fail(
                    QStringLiteral("start_codepoint/end_codepoint: the span %1–%2 lies outside the "
                                   "article (%3 characters)")
                        .arg(n.start)
                        .arg(n.end)
                        .arg(t.offsets.codePointCount()));
            const QString quote = r.fields.value(QStringLiteral("quote"));
            const qsizetype a = t.offsets.toUtf16(n.start);
            if (!quote.isEmpty() && t.text.mid(a, t.offsets.toUtf16(n.end) - a) != quote)
                fail(QStringLiteral("quote: “%1” is not the text at %2–%3")
                         .arg(quote)
                         .arg(n.start)
                         .arg(n.end));
        }
        const QString codes = field("code_path");
        if (codes.isEmpty())
            fail(QStringLiteral("code_path: empty"));
        for (const QString &p : codes.split(kCodeJoin))
            n.codeIds << CodePaths::resolve(session, p, report);
        n.coderName = !options.coder.isEmpty() ? options.coder : field("coder");
        n.note = r.fields.value(QStringLiteral("note"));
        const QString coder = n.coderName.isEmpty() ? session.coders().current() : n.coderName;
        if (uuid.isEmpty()) {
            int &count = present[{articleId, n.document ? 0 : n.start,
                                  n.document ? t.offsets.codePointCount() : n.end, coder}];
            if (count > 0) {
                --count;
                ++report.annotationsKept;
                continue;
            }
        }
        std::optional<Claim> claim;
        if (!field("stance").isEmpty() || !field("claim_kind").isEmpty()
            || !field("evidence").isEmpty() || !field("speaker").isEmpty()
            || !field("target").isEmpty()
            || (!field("status").isEmpty() && field("status") != QLatin1String("unverified"))) {
            Claim c;
            for (const QString &name : ClaimFields::names()) {
                // Evidence is free text, kept as it is; the rest are names.
                const QString value = name == QLatin1String("evidence")
                    ? r.fields.value(name)
                    : r.fields.value(name).trimmed();
                if (value.isEmpty())
                    continue;
                try {
                    claimFields.set(session, c, name, value, report);
                } catch (const ProjectError &e) {
                    fail(e.message());
                }
            }
            claim = c;
        }
        if (!uuid.isEmpty())
            knownUuids.insert(uuid);
        fresh << n;
        claims << claim;
    }
    const QList<qint64> ids = session.annotations().addMany(fresh);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (claims[i]) {
            Claim c = *claims[i];
            c.annotationId = ids[i];
            try {
                session.annotations().setClaim(c);
            } catch (const ProjectError &e) {
                throw ProjectError(QStringLiteral("%1: claim of annotation %2: %3")
                                       .arg(path, fresh[i].uuid, e.message()));
            }
        }
    }
    report.annotationsAdded = int(ids.size());
    unit.commit();
    return report;
}
