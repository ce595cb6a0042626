#include "reader/ReaderSearchMatch.h"

#include "reader/FindBar.h"
#include "reader/ReaderView.h"
#include "text/SearchTerms.h"

#include <QLineEdit>
#include <QSignalBlocker>
#include <QTextCursor>

namespace {
bool selectFirst(ReaderView &reader, const QString &term, bool prefix)
{
    const qsizetype at = SearchTerms::firstWholeWord(reader.article().text, term, prefix);
    if (at < 0)
        return false;
    // find() selects the first match at or after the caret: put it there.
    QTextCursor caret(reader.document());
    caret.setPosition(reader.textStart() + int(at));
    reader.setTextCursor(caret);
    FindBar *bar = reader.findBar();
    if (bar->isVisible()) {
        // An open find bar takes the word, so Enter there goes on to the next.
        const QSignalBlocker quiet(bar->edit());
        bar->edit()->setText(term);
    }
    if (reader.find(term) == 0)
        return false;
    // With the bar closed, find's markers under every other occurrence
    // could not be dismissed: keep only the selection.
    if (!bar->isVisible())
        reader.find(QString());
    return reader.textCursor().selectionStart() == reader.textStart() + int(at);
}
} // namespace

bool ReaderSearchMatch::show(ReaderView &reader, const QString &query, const QString &snippet)
{
    if (!reader.articleId())
        return false;
    for (const SearchTerms::Term &term : SearchTerms::parse(query)) {
        if (selectFirst(reader, term.text, term.prefix))
            return true;
    }
    for (const QString &word : SearchTerms::marked(snippet)) {
        if (selectFirst(reader, word, false))
            return true;
    }
    return false;
}
