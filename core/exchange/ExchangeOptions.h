#pragma once

#include <QStringList>
#include <functional>

// Choices shared by every import and export.
struct ExchangeOptions
{
    // Import: who the annotations are by (empty: the file's coder, else the
    // current one). Export: only these coders and codes (empty: all).
    QString coder;
    QStringList coders;
    QStringList codes;
    bool byteOrderMark = false; // CSV for spreadsheets
    // Called with work done and total; returning false cancels (an import
    // then keeps nothing).
    std::function<bool(int done, int total)> progress;

    bool report(int done, int total) const { return !progress || progress(done, total); }
};
