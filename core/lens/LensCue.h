#pragma once

#include <QList>
#include <QString>

#include <optional>

// What the reading lens marks. The order is the toolbar's order.
enum class LensCue {
    Quotation,   // direct quotations, between quote marks
    Attribution, // said, declared, claimed ...
    Hedge,       // reportedly, allegedly, may ...
    Intensifier, // very, extremely, unprecedented ...
    Loaded,      // emotive and loaded words: lackeys, heroes ...
    Number,      // figures, amounts, number words
    Date,        // month and day names
};

// Names and ids of the cues; the id is what the project stores.
class LensCues
{
public:
    static QList<LensCue> all();
    static QString id(LensCue cue);
    static std::optional<LensCue> fromId(QStringView id);
    static QString label(LensCue cue);
    static QString description(LensCue cue);
};
