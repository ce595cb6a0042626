#include "EnglishPlurals.h"

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    // Only texts with a count and a "(s)" are ours; an empty answer lets
    // Qt use the source text as it is.
    if (n < 0 || !sourceText)
        return {};
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")))
        return {};
    return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}
