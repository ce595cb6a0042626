#pragma once

#include <QString>

// One word or phrase of a reading-lens lexicon. A term ending in '*' is a
// stem (matches any ending: Russian and Korean inflect); a quotation term is
// a pair of marks, opening then closing.
struct LexiconTerm
{
    QString cue;      // a LensCue id: "attribution", "hedge", ...
    QString language; // ISO 639-1: "en", "ru", "ko"
    QString term;
    friend bool operator==(const LexiconTerm &, const LexiconTerm &) = default;
};
