#pragma once

#include "domain/SegmentQuery.h"

#include <QString>
#include <optional>

class ProjectSession;

// A self-contained HTML report of a project (no external files, scripts or
// fonts): the codebook with counts, code frequencies with a bar chart
// (inline SVG), code x month and code x outlet matrices as shares of
// articles, co-occurrence by paragraph, the actor network's claims,
// inter-coder agreement per code when two coders share an article, and up
// to three example segments per code. A restricting query narrows every
// figure to its segments. forPrint drops the SVG charts, which
// QTextDocument (the PDF route) cannot draw, for tables of bars.
class HtmlReport
{
public:
    static QString build(ProjectSession &session, const std::optional<SegmentQuery> &restrict = {},
                         bool forPrint = false);
    // Example segments shown per code.
    static constexpr int examplesPerCode = 3;
    // Co-occurring pairs listed, most frequent first.
    static constexpr int pairsShown = 30;
};
