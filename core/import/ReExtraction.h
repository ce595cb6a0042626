#pragma once

#include "domain/Annotation.h"
#include "domain/TextRewrite.h"

#include <QList>
#include <QString>

#include <optional>

class ProjectSession;
class TextOffsets;

// Runs main-text extraction again on an article's stored page, for when
// extraction has improved. The new text may replace the old only if every
// annotation finds its exact quote again in it, told apart by the context
// stored around it; otherwise nothing may change, and the caller shows
// which annotations could not be placed.
class ReExtraction
{
public:
    struct Plan
    {
        TextRewrite rewrite; // apply with ArticleRepository::rewriteText
        QList<Annotation> unplaced; // must be empty to apply
        bool textChanged = false;
        int placed = 0;
        bool canApply() const { return textChanged && unplaced.isEmpty(); }
    };

    // Throws ProjectError when the article has no stored page or the page
    // yields no text.
    static Plan plan(ProjectSession &session, qint64 articleId);

    // Where the annotation's quote sits in text, in code points: the only
    // occurrence, or the one whose surroundings match its stored prefix and
    // suffix best; none when absent or when two fit equally well.
    static std::optional<QPair<qint64, qint64>> anchor(const QString &text, const TextOffsets &offsets,
                                                       const Annotation &annotation);
};
