#pragma once

#include <QString>

// A person who annotates in this project. Every annotation, claim and memo
// names its coder.
struct Coder
{
    qint64 id = 0;
    QString uuid;
    QString name;
    QString colour; // #rrggbb, how the reader tells coders apart
};
