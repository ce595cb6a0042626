#include "Bm25Ranking.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <vector>

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr std::uint32_t kUnknown = std::numeric_limits<std::uint32_t>::max();

// What one connection keeps: each article's length in tokens by rowid, and
// the index's structure record they were read under (empty: none read).
struct Lengths
{
    sqlite3 *db = nullptr;
    std::vector<std::uint32_t> byRowid;
    std::vector<unsigned char> structure;
};

// What one query keeps: bm25()'s per-query values.
struct QueryValues
{
    std::vector<double> idf;
    std::vector<double> frequency;
    double averageLength = 1;
};

// SQLite's varint: big-endian groups of 7 bits, the high bit set on all
// but the last byte (9 bytes at most, the last one whole).
std::int64_t readVarint(const unsigned char *&p, const unsigned char *end)
{
    std::uint64_t value = 0;
    for (int i = 0; i < 9 && p < end; ++i) {
        const unsigned char byte = *p++;
        if (i == 8)
            return std::int64_t((value << 8) | byte);
        value = (value << 7) | (byte & 0x7f);
        if (!(byte & 0x80))
            break;
    }
    return std::int64_t(value);
}

std::vector<unsigned char> structureRecord(sqlite3 *db)
{
    std::vector<unsigned char> record;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT block FROM articles_fts_data WHERE id = 10", -1, &stmt,
                           nullptr)
            == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW) {
        const auto *bytes = static_cast<const unsigned char *>(sqlite3_column_blob(stmt, 0));
        record.assign(bytes, bytes + sqlite3_column_bytes(stmt, 0));
    }
    sqlite3_finalize(stmt);
    return record;
}

// Reads the lengths again unless the index is as it was when they were read.
void refresh(Lengths &lengths)
{
    std::vector<unsigned char> structure = structureRecord(lengths.db);
    if (!structure.empty() && structure == lengths.structure)
        return;
    lengths.byRowid.clear();
    lengths.structure.clear();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(lengths.db, "SELECT id, sz FROM articles_fts_docsize ORDER BY id", -1,
                           &stmt, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const std::int64_t id = sqlite3_column_int64(stmt, 0);
        // Rowids far beyond the number of articles would make the table
        // huge: those are looked up row by row.
        if (id < 0 || id > (std::int64_t(1) << 26))
            continue;
        const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(stmt, 1));
        const unsigned char *end = p + sqlite3_column_bytes(stmt, 1);
        std::int64_t tokens = 0;
        while (p && p < end)
            tokens += readVarint(p, end);
        if (size_t(id) >= lengths.byRowid.size())
            lengths.byRowid.resize(size_t(id) + 1, kUnknown);
        lengths.byRowid[size_t(id)] = std::uint32_t(std::min<std::int64_t>(tokens, kUnknown - 1));
    }
    sqlite3_finalize(stmt);
    lengths.structure = std::move(structure);
}

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<std::int64_t *>(count);
    return SQLITE_OK;
}

// bm25()'s values for the query: IDF of each phrase, average row length.
int prepare(const Fts5ExtensionApi *api, Fts5Context *fts, QueryValues &values)
{
    const int phrases = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    values.averageLength = double(tokens) / double(rows);
    values.idf.assign(size_t(phrases), 0);
    values.frequency.assign(size_t(phrases), 0);
    for (int i = 0; i < phrases; ++i) {
        std::int64_t hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, countRow);
        if (rc != SQLITE_OK)
            return rc;
        double idf = std::log((double(rows) - double(hits) + 0.5) / (double(hits) + 0.5));
        values.idf[size_t(i)] = idf <= 0.0 ? 1e-6 : idf;
    }
    return SQLITE_OK;
}

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int,
          sqlite3_value **)
{
    auto &lengths = *static_cast<Lengths *>(api->xUserData(fts));
    auto *values = static_cast<QueryValues *>(api->xGetAuxdata(fts, 0));
    if (!values) {
        refresh(lengths);
        auto made = std::make_unique<QueryValues>();
        if (const int rc = prepare(api, fts, *made); rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        values = made.get();
        const int rc = api->xSetAuxdata(fts, made.release(),
                                        [](void *p) { delete static_cast<QueryValues *>(p); });
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
    }

    std::fill(values->frequency.begin(), values->frequency.end(), 0.0);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK)
            values->frequency[size_t(phrase)] += 1.0;
    }
    double length = 0;
    const sqlite3_int64 rowid = api->xRowid(fts);
    if (rc == SQLITE_OK) {
        if (!lengths.structure.empty() && rowid >= 0 && size_t(rowid) < lengths.byRowid.size()
            && lengths.byRowid[size_t(rowid)] != kUnknown) {
            length = lengths.byRowid[size_t(rowid)];
        } else {
            int tokens = 0;
            rc = api->xColumnSize(fts, -1, &tokens);
            length = tokens;
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0.0;
    for (size_t i = 0; i < values->idf.size(); ++i) {
        const double f = values->frequency[i];
        score += values->idf[i]
            * ((f * (kK1 + 1.0)) / (f + kK1 * (1 - kB + kB * length / values->averageLength)));
    }
    sqlite3_result_double(context, -1.0 * score);
}

fts5_api *fts5(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

bool Bm25Ranking::install(sqlite3 *db)
{
    fts5_api *api = fts5(db);
    if (!api || api->iVersion < 2)
        return false;
    auto lengths = std::make_unique<Lengths>();
    lengths->db = db;
    const int rc = api->xCreateFunction(api, functionName, lengths.get(), &rank,
                                        [](void *p) { delete static_cast<Lengths *>(p); });
    if (rc != SQLITE_OK)
        return false;
    lengths.release();
    return true;
}
