#pragma once

#include "domain/Annotation.h"
#include "domain/Claim.h"

#include <optional>

// An annotation with everything that lives beside it (its claim
// attributes): what deleting it takes and what undo puts back in one step.
struct AnnotationRecord
{
    Annotation annotation;
    std::optional<Claim> claim;
};
