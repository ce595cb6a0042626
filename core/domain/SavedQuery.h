#pragma once

#include <QString>

// A retrieval query kept in the project under a name, so that `set:NAME`
// in another query (and every --query) stands for it.
struct SavedQuery
{
    QString name;
    QString text;
};
