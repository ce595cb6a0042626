#pragma once

#include <QString>

// Scores how well a typed abbreviation matches a name, as quick-open
// boxes do: the letters must appear in order ("secdef" in "Security and
// defense"); word starts and runs score higher. -1 = no match.
class FuzzyMatcher
{
public:
    static int score(const QString &pattern, const QString &candidate);
};
