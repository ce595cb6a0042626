#pragma once

#include <QString>

// A person who annotates in this project. Every annotation names its coder.
struct Coder
{
    qint64 id = 0;
    QString name;
};
