#pragma once

#include "lens/LensCue.h"

#include <QList>

// A cue the lens found: UTF-16 offsets into the text it was given.
struct LensSpan
{
    int start = 0;
    int length = 0;
    LensCue cue = LensCue::Quotation;
    int end() const { return start + length; }
    friend bool operator==(const LensSpan &, const LensSpan &) = default;
};
