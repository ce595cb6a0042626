#include "shell/LiteralText.h"

#include <QTextDocument>

QString LiteralText::html(const QString &text)
{
    // Escaped alone, "Tom &amp; Jerry" has no tag, is taken for plain text
    // and shows its entity; convertFromPlainText() wraps it in <p>.
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}
