#pragma once

#include <QString>

class ReaderView;

// Shows a full-text search hit in the reader: selects and scrolls to the
// first whole-word occurrence of the first query word found in the article
// text, through the reader's own find (Ctrl+F) so the selection is exactly
// what find would select. When no query word occurs as typed (a match
// through diacritics or apostrophes, or only in the title), the words the
// snippet marks are tried next.
class ReaderSearchMatch
{
public:
    // False if no word was found in the article text.
    static bool show(ReaderView &reader, const QString &query, const QString &snippet);
};
