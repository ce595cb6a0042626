#pragma once

#include <QString>

// `framewise search`: full-text search from the command line. Matched
// words are shown between « and », in TSV (ID<TAB>TITLE<TAB>SNIPPET, TSV
// escapes) or JSON ([{"id", "title", "snippet"}]). No hits is not a
// failure: exit 0 with no lines (JSON: []). Articles not yet indexed are
// counted in a note on stderr. Returns a CommandLine exit code; store
// errors are thrown as ProjectError.
class SearchCommand
{
public:
    static int run(const QString &project, const QString &query, int limit, bool json);

    static constexpr int defaultLimit = 100;
};
