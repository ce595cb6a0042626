#pragma once

#include "domain/Annotation.h"
#include "domain/Claim.h"
#include "domain/OriginalSpan.h"

#include <optional>

// An annotation with everything that lives beside it (its claim
// attributes, its offsets in an exchange file): what deleting it takes and
// what undo puts back in one step.
struct AnnotationRecord
{
    Annotation annotation;
    std::optional<Claim> claim;
    std::optional<OriginalSpan> originalSpan;
};
