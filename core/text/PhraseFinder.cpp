#include "PhraseFinder.h"

#include "TextOffsets.h"

QList<PhraseFinder::Hit> PhraseFinder::find(const QString &text, const QString &phrase, int context)
{
    QList<Hit> hits;
    const QString needle = phrase.trimmed();
    if (needle.isEmpty())
        return hits;
    const TextOffsets offsets(text);
    const auto wordChar
        = [&](qsizetype i) { return i >= 0 && i < text.size() && text.at(i).isLetterOrNumber(); };
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive);
        if (at < 0)
            break;
        const qsizetype end = at + needle.size();
        from = at + 1;
        // Only a boundary where the phrase itself starts or ends in a word.
        if ((needle.front().isLetterOrNumber() && wordChar(at - 1))
            || (needle.back().isLetterOrNumber() && wordChar(end)))
            continue;
        Hit hit;
        hit.start = offsets.toCodePoint(at);
        hit.end = offsets.toCodePoint(end);
        const qsizetype left = qMax<qsizetype>(0, at - context);
        hit.before = text.mid(left, at - left);
        hit.match = text.mid(at, needle.size());
        hit.after = text.mid(end, context);
        hits.append(hit);
        from = end;
    }
    return hits;
}
