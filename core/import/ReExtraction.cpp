#include "ReExtraction.h"

#include "WebArticleReader.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QRegularExpression>
#include <QUrl>

namespace {
// How many characters of a's end and b's start agree.
qsizetype commonTail(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n])
        ++n;
    return n;
}

qsizetype commonHead(QStringView a, QStringView b)
{
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

QByteArray charsetOf(const QString &contentType)
{
    static const QRegularExpression charset(QStringLiteral("charset\\s*=\\s*\"?([^\";\\s]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto m = charset.match(contentType);
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}
} // namespace

std::optional<QPair<qint64, qint64>> ReExtraction::anchor(const QString &text, const TextOffsets &offsets,
                                                          const Annotation &a)
{
    if (a.quote.isEmpty())
        return std::nullopt;
    qsizetype best = -1;
    qsizetype bestScore = -1;
    bool tied = false;
    for (qsizetype at = text.indexOf(a.quote); at >= 0; at = text.indexOf(a.quote, at + 1)) {
        const qsizetype end = at + a.quote.size();
        const qsizetype score = commonTail(a.prefix, QStringView(text).left(at))
            + commonHead(a.suffix, QStringView(text).mid(end));
        if (score > bestScore) {
            best = at;
            bestScore = score;
            tied = false;
        } else if (score == bestScore) {
            tied = true;
        }
    }
    if (best < 0 || tied)
        return std::nullopt;
    return QPair<qint64, qint64>(offsets.toCodePoint(best), offsets.toCodePoint(best + a.quote.size()));
}

ReExtraction::Plan ReExtraction::plan(ProjectSession &session, qint64 articleId)
{
    const auto article = session.articles().get(articleId);
    if (!article)
        throw ProjectError(QStringLiteral("no article with id %1").arg(articleId));
    const auto source = session.articles().source(articleId);
    if (!source)
        throw ProjectError(QStringLiteral("“%1” has no stored page to extract again (it was not "
                                          "imported from the web or an HTML file)")
                               .arg(article->title));
    const auto read = WebArticleReader::fromHtml(source->html, QUrl(source->url), source->url,
                                                 charsetOf(source->contentType));
    if (const QString *error = std::get_if<QString>(&read))
        throw ProjectError(*error);
    const QString text = std::get<WebArticle>(read).article.text;

    Plan plan;
    plan.rewrite.articleId = articleId;
    plan.rewrite.text = text;
    plan.rewrite.previousText = article->text;
    plan.textChanged = text != article->text;
    const TextOffsets offsets(text);
    for (const Annotation &a : session.annotations().forArticle(articleId)) {
        if (a.document) {
            ++plan.placed;
            continue;
        }
        plan.rewrite.previousSpans.insert(a.id, {a.start, a.end});
        if (const auto span = anchor(text, offsets, a)) {
            plan.rewrite.spans.insert(a.id, *span);
            ++plan.placed;
        } else {
            plan.unplaced.append(a);
        }
    }
    return plan;
}
