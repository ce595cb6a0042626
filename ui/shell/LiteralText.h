#pragma once

#include <QString>

// Text from imported content (titles, outlets, snippets, quotes, code and
// actor names, notes, feed titles, error messages that quote them) shown
// where Qt guesses whether a string is rich text: tooltips, and QLabel,
// QMessageBox or QInputDialog texts in Qt::AutoText. Qt::mightBeRichText()
// would render a title like "<b>War</b>" bold or try to load
// "<img src=…>"; rich text built from such strings must escape them.
class LiteralText
{
public:
    // Rich text that Qt recognises as such and that displays `text`
    // literally, line breaks kept; empty for empty text (no tooltip).
    static QString html(const QString &text);
};
