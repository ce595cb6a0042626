// framewise-extraction-bench DATA_DIR [OUTPUT.json]
// Extracts the body of every DATA_DIR/html/*.html(.gz) page and writes
// {"ID": {"articleBody": ...}} for /work/shared/tools/score-extraction.
#include "base/Decompressor.h"
#include "extract/ArticleExtractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: framewise-extraction-bench DATA_DIR [OUTPUT.json]\n";
        return 2;
    }
    const QDir html(QDir(args[1]).filePath(u"html"_s));
    const QString output = args.size() > 2 ? args[2] : u"predictions.json"_s;
    QJsonObject predictions;
    const QStringList files
        = html.entryList({u"*.html.gz"_s, u"*.html"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QString error;
        const QByteArray bytes = Decompressor::readFile(html.filePath(name), &error);
        if (!error.isEmpty())
            err << error << '\n';
        const QString id = name.section(u'.', 0, 0);
        const ExtractedArticle a = ArticleExtractor::extract(bytes);
        predictions.insert(id,
                           QJsonObject {{u"articleBody"_s, a.body},
                                        {u"title"_s, a.title},
                                        {u"author"_s, a.authors.join(u", "_s)},
                                        {u"published"_s, a.published},
                                        {u"url"_s, a.url}});
    }
    QFile out(output);
    if (!out.open(QIODevice::WriteOnly)) {
        err << output << ": " << out.errorString() << '\n';
        return 1;
    }
    out.write(QJsonDocument(predictions).toJson());
    err << files.size() << " pages -> " << output << '\n';
    return 0;
}
