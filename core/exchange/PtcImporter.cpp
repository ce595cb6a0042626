#include "PtcImporter.h"

#include "OriginalLayout.h"
#include "PtcTechniques.h"
#include "base/ProjectError.h"
#include "project/CodebookFile.h"
#include "project/StarterCodebooks.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>
#include <map>
#include <tuple>

namespace {

const QRegularExpression kArticleName(QStringLiteral("^article(.+)\\.txt$"));

struct ArticleFile
{
    QString path;
    QString id;
    QString stored;
    OriginalLayout layout;
    qint64 originalLength = 0; // code points
};

struct Label
{
    QString file;
    int line = 0;
    QString articleId;
    QString technique; // empty for span identification
    qint64 start = 0, end = 0;
};

void collect(const QString &path, QMap<QString, QString> &articles, QStringList &labels)
{
    const QFileInfo info(path);
    const auto take = [&](const QFileInfo &f) {
        const auto m = kArticleName.match(f.fileName());
        if (m.hasMatch()) {
            const QString id = m.captured(1);
            if (articles.contains(id) && articles.value(id) != f.absoluteFilePath())
                throw ProjectError(QStringLiteral("%1: article %2 is also in %3")
                                       .arg(f.filePath(), id, articles.value(id)));
            articles.insert(id, f.absoluteFilePath());
        } else if (f.fileName().endsWith(QLatin1String(".labels"))) {
            labels << f.absoluteFilePath();
        }
    };
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            take(it.nextFileInfo());
    } else if (info.isFile()) {
        take(info);
    } else {
        throw ProjectError(QStringLiteral("%1: no such file or folder").arg(path));
    }
}

QString decode(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    // Keep a BOM as U+FEFF: the corpus counts it.
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        throw ProjectError(QStringLiteral("%1: not valid UTF-8").arg(path));
    return text;
}

qint64 number(const QString &field, const Label &l)
{
    bool ok = false;
    const qint64 v = field.toLongLong(&ok);
    if (!ok || v < 0)
        throw ProjectError(QStringLiteral("%1: line %2: “%3” is not an offset")
                               .arg(l.file)
                               .arg(l.line)
                               .arg(field));
    return v;
}

QList<Label> readLabels(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString()));
    QStringDecoder decoder(QStringConverter::Utf8);
    const QString text = decoder(file.readAll());
    if (decoder.hasError())
        throw ProjectError(QStringLiteral("%1: not valid UTF-8").arg(path));
    QList<Label> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        Label l;
        l.file = path;
        l.line = int(i + 1);
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() == 4) {
            l.articleId = f[0];
            l.technique = f[1];
            l.start = number(f[2], l);
            l.end = number(f[3], l);
        } else if (f.size() == 3) {
            l.articleId = f[0];
            l.start = number(f[1], l);
            l.end = number(f[2], l);
        } else {
            throw ProjectError(
                QStringLiteral("%1: line %2: expected ID<TAB>TECHNIQUE<TAB>START<TAB>END "
                               "or ID<TAB>START<TAB>END")
                    .arg(path)
                    .arg(l.line));
        }
        if (l.technique.isNull() == false && l.technique.trimmed().isEmpty())
            throw ProjectError(
                QStringLiteral("%1: line %2: the technique is empty").arg(path).arg(l.line));
        if (l.end <= l.start)
            throw ProjectError(QStringLiteral("%1: line %2: the span %3–%4 ends before it starts")
                                   .arg(path)
                                   .arg(l.line)
                                   .arg(l.start)
                                   .arg(l.end));
        out << l;
    }
    return out;
}

// The codes the labels need, creating what is missing: the starter codebook
// for the 14 techniques, a code of its own for any other label.
QHash<QString, qint64> resolveCodes(ProjectSession &session, const QSet<QString> &techniques,
                                    ExchangeReport &report)
{
    QHash<QString, qint64> ids;
    bool starterMerged = false;
    for (const QString &label : techniques) {
        QString name
            = label.isEmpty() ? PtcTechniques::unlabelledCode() : PtcTechniques::codeName(label);
        const bool known = !name.isEmpty();
        if (!known)
            name = label;
        auto code = session.codebook().codeByName(name);
        if (!code && known && !starterMerged) {
            starterMerged = true;
            const auto r = CodebookFile::merge(
                session, StarterCodebooks::json(QStringLiteral("propaganda-techniques")),
                QStringLiteral("propaganda-techniques"));
            report.codesAdded += r.codesAdded;
            code = session.codebook().codeByName(name);
        }
        if (!code) {
            qint64 categoryId = 0;
            if (auto existing = session.codebook().categoryByName(PtcTechniques::category())) {
                categoryId = existing->id;
            } else {
                Category c;
                c.name = PtcTechniques::category();
                c.kind = Category::Kind::Technique;
                c.position = int(session.codebook().categories().size());
                categoryId = session.codebook().addCategory(c);
            }
            Code c;
            c.categoryId = categoryId;
            c.name = name;
            if (label.isEmpty())
                c.description = QStringLiteral("A span marked as propaganda without a technique "
                                               "(span identification).");
            code = session.codebook().code(session.codebook().addCode(c));
            ++report.codesAdded;
            if (!label.isEmpty())
                report.conversions
                    << QStringLiteral("technique “%1” is not one of the 14 of the "
                                      "starter codebook: imported as a code of its own")
                           .arg(label);
        }
        ids.insert(label, code->id);
    }
    return ids;
}

} // namespace

bool PtcImporter::recognises(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return info.fileName().endsWith(QLatin1String(".labels"))
            || kArticleName.match(info.fileName()).hasMatch();
    if (!info.isDir())
        return false;
    QDirIterator it(path, {QStringLiteral("article*.txt")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext();
}

ExchangeReport PtcImporter::run(ProjectSession &session, const QStringList &paths,
                                const ExchangeOptions &options)
{
    ExchangeReport report;
    report.format = QStringLiteral("ptc");
    QMap<QString, QString> articlePaths;
    QStringList labelFiles;
    for (const QString &p : paths)
        collect(p, articlePaths, labelFiles);
    if (articlePaths.isEmpty())
        throw ProjectError(
            QStringLiteral("%1: no article<ID>.txt files").arg(paths.join(QStringLiteral(", "))));
    labelFiles.sort();

    // Everything is read and checked before anything is written.
    QList<Label> labels;
    QList<Label> spanOnly;
    for (const QString &f : labelFiles) {
        for (const Label &l : readLabels(f))
            (l.technique.isNull() ? spanOnly : labels) << l;
    }
    // Span identification repeats the technique spans, merged: with both,
    // the techniques say more.
    if (!labels.isEmpty() && !spanOnly.isEmpty()) {
        QSet<QString> files;
        for (const Label &l : spanOnly)
            files.insert(l.file);
        for (const QString &f : files)
            report.skipped.append({f, QStringLiteral("all lines"),
                                   QStringLiteral("span identification labels repeat the technique "
                                                  "labels, which were imported")});
    } else if (labels.isEmpty()) {
        labels = spanOnly;
    }

    QList<ArticleFile> articles;
    QHash<QString, qsizetype> byId;
    const int total = int(articlePaths.size() + labels.size());
    for (auto it = articlePaths.cbegin(); it != articlePaths.cend(); ++it) {
        ArticleFile a;
        a.path = it.value();
        a.id = it.key();
        const QString original = decode(a.path);
        a.layout = OriginalLayout::fromOriginal(original, &a.stored);
        a.originalLength = TextOffsets::codePointLength(original);
        byId.insert(a.id, articles.size());
        articles << a;
        if (!options.report(int(articles.size()), total)) {
            report.cancelled = true;
            return report;
        }
    }
    QSet<QString> techniques;
    for (const Label &l : labels) {
        const auto it = byId.constFind(l.articleId);
        if (it == byId.constEnd())
            throw ProjectError(QStringLiteral("%1: line %2: no file article%3.txt for article %3")
                                   .arg(l.file)
                                   .arg(l.line)
                                   .arg(l.articleId));
        const ArticleFile &a = articles[*it];
        if (l.end > a.originalLength)
            throw ProjectError(
                QStringLiteral("%1: line %2: the span %3–%4 lies outside %5 (%6 characters)")
                    .arg(l.file)
                    .arg(l.line)
                    .arg(l.start)
                    .arg(l.end)
                    .arg(a.path)
                    .arg(a.originalLength));
        techniques.insert(l.technique);
    }
    int converted = 0;
    for (const ArticleFile &a : articles) {
        if (!a.layout.isIdentity())
            ++converted;
    }
    if (converted)
        report.conversions << QStringLiteral(
                                  "%1 articles have a BOM or CR line ends the stored text "
                                  "drops; their offsets are mapped (kept for export)")
                                  .arg(converted);

    UnitOfWork unit(session.database());
    const QHash<QString, qint64> codeIds = resolveCodes(session, techniques, report);

    QList<Article> toAdd;
    for (const ArticleFile &a : articles) {
        Article article;
        article.text = a.stored;
        article.title = a.stored.section(QLatin1Char('\n'), 0, 0).trimmed();
        if (article.title.isEmpty())
            article.title = QStringLiteral("article%1").arg(a.id);
        article.origin = a.path;
        toAdd << article;
    }
    const auto added = session.articles().addMany(toAdd);
    QList<qint64> articleIds;
    const QHash<qint64, ArticleOffsetMap> maps = session.offsetMaps().maps(QStringLiteral("ptc"));
    for (qsizetype i = 0; i < added.size(); ++i) {
        const ArticleFile &a = articles[i];
        articleIds << added[i].id;
        if (added[i].status == ArticleRepository::AddResult::Status::Added)
            ++report.sourcesAdded;
        else
            ++report.sourcesKept;
        const auto existing = maps.constFind(added[i].id);
        if (existing != maps.constEnd() && existing->externalId != a.id)
            throw ProjectError(
                QStringLiteral("%1: the project holds the same text as PTC article %2")
                    .arg(a.path, existing->externalId));
        if (existing == maps.constEnd() || existing->layout != a.layout.toJson())
            session.offsetMaps().put({added[i].id, QStringLiteral("ptc"), a.id, a.layout.toJson()});
    }

    // What is stored already counts against the file, so a second import
    // adds nothing and a line the corpus repeats is kept as often as it is there.
    using Key = std::tuple<qint64, qint64, qint64, qint64>; // article, start, end, code
    std::map<Key, int> present;
    for (const Annotation &an : session.annotations().forArticles(articleIds)) {
        for (qint64 code : an.codeIds)
            ++present[{an.articleId, an.start, an.end, code}];
    }
    QList<NewAnnotation> fresh;
    QList<OriginalSpan> exact; // for fresh[i], annotationId = i until stored
    int done = int(articles.size());
    for (const Label &l : labels) {
        const qsizetype index = byId.value(l.articleId);
        const ArticleFile &a = articles[index];
        NewAnnotation n;
        n.articleId = articleIds[index];
        n.start = a.layout.toStored(l.start);
        n.end = a.layout.toStored(l.end);
        n.codeIds = {codeIds.value(l.technique)};
        n.coderName = options.coder;
        if (n.end <= n.start) {
            report.skipped.append(
                {l.file, QStringLiteral("line %1").arg(l.line),
                 QStringLiteral("the span covers only a BOM or CR, which the stored "
                                "text does not keep")});
            continue;
        }
        if (!options.report(++done, total)) {
            report.cancelled = true;
            return report;
        }
        int &count = present[{n.articleId, n.start, n.end, n.codeIds.constFirst()}];
        if (count > 0) {
            --count;
            ++report.annotationsKept;
            continue;
        }
        if (a.layout.toOriginal(n.start) != l.start || a.layout.toOriginal(n.end) != l.end)
            exact.append({fresh.size(), l.start, l.end, n.start, n.end});
        fresh << n;
    }
    const QList<qint64> ids = session.annotations().addMany(fresh);
    for (OriginalSpan &s : exact)
        s.annotationId = ids[s.annotationId];
    session.offsetMaps().putOriginalSpans(exact);
    report.annotationsAdded = int(ids.size());
    unit.commit();
    return report;
}
