#pragma once

#include "reader/ReaderView.h"

#include <QTextCursor>
#include <QTextDocument>

// Selects the given occurrence of a phrase in the reader's article text and
// focuses the reader, as a user selecting it would. False if not found.
// Header-only: only UI tests, which link framewise_ui, include it.
inline bool selectPhraseInReader(ReaderView *reader, const QString &phrase, int occurrence = 0)
{
    QTextCursor found;
    int from = reader->textStart();
    for (int i = 0; i <= occurrence; ++i) {
        found = reader->document()->find(phrase, from, QTextDocument::FindCaseSensitively);
        if (found.isNull())
            return false;
        from = found.selectionEnd();
    }
    reader->setTextCursor(found);
    reader->setFocus();
    return true;
}
