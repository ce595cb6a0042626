#include "SearchCommand.h"

#include "CommandLine.h"
#include "base/DelimitedText.h"
#include "store/ProjectSession.h"
#include "text/SearchTerms.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Visible brackets instead of the control characters FTS5 marks with.
QString bracketed(const QString &snippet)
{
    return SearchTerms::bracketed(snippet, QStringLiteral("«"), QStringLiteral("»"));
}
} // namespace

int SearchCommand::run(const QString &project, const QString &query, int limit, bool json)
{
    auto store = ProjectSession::open(project);
    const QList<ArticleSearchHit> hits = store->articles().search(query, limit);
    if (json) {
        QJsonArray list;
        for (const ArticleSearchHit &hit : hits)
            list.append(QJsonObject {{QStringLiteral("id"), hit.articleId},
                                     {QStringLiteral("title"), hit.title},
                                     {QStringLiteral("snippet"), bracketed(hit.snippet)}});
        CommandLine::write(stdout, QJsonDocument(list).toJson(QJsonDocument::Indented));
    } else {
        QString text;
        for (const ArticleSearchHit &hit : hits) {
            const QString title = DelimitedText::tsvField(hit.title);
            const QString snippet = DelimitedText::tsvField(bracketed(hit.snippet));
            text += QStringLiteral("%1\t%2\t%3\n")
                        .arg(QString::number(hit.articleId), title, snippet);
        }
        CommandLine::write(stdout, text.toUtf8());
    }
    if (const int waiting = store->articles().unindexedCount(); waiting > 0) {
        const QString what = waiting == 1
            ? QStringLiteral("1 recently added article is")
            : QStringLiteral("%1 recently added articles are").arg(waiting);
        CommandLine::err(QStringLiteral("note: %1 not indexed for search yet, so not searched "
                                        "(Framewise indexes new articles in the background)")
                             .arg(what));
    }
    return CommandLine::Success;
}
