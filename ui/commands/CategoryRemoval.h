#pragma once

#include "domain/Category.h"

class CodebookRepository;

// Removing a category as it is now on the server, over another coder's
// change to it: what Apply Mine Again does for the commands that remove one
// (AddCategoryCommand::undo, DeleteCategoryCommand::redo).
class CategoryRemoval
{
public:
    // Removes the category `known` names as it is now and returns it as the
    // removal left it (its version one on, to come back so); throws
    // ConcurrentEditError if someone deleted it meanwhile.
    static Category asItIsNow(CodebookRepository &codebook, const Category &known);
};
