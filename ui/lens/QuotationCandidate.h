#pragma once

#include <QString>

// A quotation the lens found, offered for coding: code point offsets into
// the article text, end exclusive.
struct QuotationCandidate
{
    qint64 start = 0;
    qint64 end = 0;
    QString quote;
    bool alreadyCoded = false; // the same span already carries the code
};
