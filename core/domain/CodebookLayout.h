#pragma once

#include "domain/Category.h"
#include "domain/Code.h"

#include <QList>

// Where every category and code sits: their order, and each code's
// category and parent. A move saves one before and after, so undo puts the
// whole tree back exactly, whatever got renumbered on the way.
struct CodebookLayout
{
    QList<Category> categories; // id and position are what count
    QList<Code> codes; // id, categoryId, parentId and position
};
