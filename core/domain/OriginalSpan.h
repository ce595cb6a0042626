#pragma once

#include <QtGlobal>

// An annotation's offsets in the original file of an exchange format, kept
// only where the article's offset map alone cannot give them back (a span
// that starts on a BOM or ends between CR and LF). Valid while the stored
// span is still storedStart..storedEnd.
struct OriginalSpan
{
    qint64 annotationId = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 storedStart = 0;
    qint64 storedEnd = 0;
};
