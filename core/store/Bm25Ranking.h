#pragma once

struct sqlite3;

// framewise_bm25(articles_fts): FTS5's bm25() (same formula, same IDF and
// average length, so the same score to the last bit), without its per-row
// cost. bm25() looks up each hit's length in tokens in articles_fts_docsize,
// one B-tree search per hit: at 200,000 articles a two-word query has 57,000
// hits and those searches were half of its 80 ms. This function keeps every
// article's length in memory, read in one pass over articles_fts_docsize (23
// ms at 200,000 articles), and reads it again only when the index changed:
// every write to an FTS5 index rewrites its structure record (the row with
// id 10 of articles_fts_data), which is compared byte for byte at the start
// of each query. An article missing from the lengths (written inside the
// current transaction) is looked up as bm25() does.
//
// Used as an ordinary function over the matches, ORDER BY it with a LIMIT
// keeps only the best rows in SQLite's sorter instead of sorting every hit
// as FTS5's ORDER BY rank does.
class Bm25Ranking
{
public:
    static constexpr const char *functionName = "framewise_bm25";

    // Registers the function on the connection; it lives (and its lengths
    // with it) as long as the connection. False if FTS5 is missing.
    static bool install(sqlite3 *db);
};
