#pragma once

#include "commands/StoreCommand.h"
#include "store/ConcurrentEditError.h"

#include <optional>

// Edits one versioned row (a code, category or actor) from `before`, the row
// as the window showed it, to `after`. If another coder changed the row
// since, the edit (and later its undo or redo) raises ConcurrentEditError
// and asks before it overwrites anything; Apply Mine Again writes only this
// command's fields over their version. Subclasses say how to read, compare
// and write their kind of row.
template<typename Row> class VersionedEditCommand : public StoreCommand
{
public:
    void redo() override { apply(m_after, m_before); }
    void undo() override { apply(m_before, m_after); }

protected:
    VersionedEditCommand(ProjectSession &store, const Row &before, const Row &after,
                         ErrorHandler onError)
        : StoreCommand(store, std::move(onError))
        , m_before(before)
        , m_after(after)
        , m_known(before)
    {
    }

    // The row as the project has it now, if it is still there.
    virtual std::optional<Row> read(qint64 id) const = 0;
    virtual ConcurrentEditError conflict(const Row &seen, const std::optional<Row> &now) const = 0;
    // `now` with this command's fields (where to and from differ) set to to's.
    virtual Row merged(const Row &now, const Row &to, const Row &from) const = 0;
    // Writes `mine` over `now`, naming now's version.
    virtual void update(const Row &now, const Row &mine) = 0;

private:
    // Sets this command's fields of the row to `to`'s. Applied again over
    // another coder's change, `from` becomes their version, for the way back.
    void apply(Row &to, Row &from)
    {
        attempt(
            [&] {
                // The first time, as the window showed it; later, as this
                // session's commands last left it.
                const Row seen = m_done ? expected(m_known) : m_known;
                const std::optional<Row> now = read(seen.id);
                if (!now || now->version != seen.version)
                    throw conflict(seen, now);
                write(*now, to, from);
            },
            [&] {
                // Mine again: this command's fields over their version, which
                // the way back then restores.
                const std::optional<Row> now = read(m_known.id);
                if (!now)
                    throw conflict(m_known, std::nullopt);
                const Row mine = write(*now, to, from);
                from = *now;
                to = mine;
            });
    }

    Row write(const Row &now, const Row &to, const Row &from)
    {
        const Row mine = merged(now, to, from);
        update(now, mine);
        m_known = *read(now.id);
        m_done = true;
        remember(m_known);
        return mine;
    }

    Row m_before;
    Row m_after;
    Row m_known; // the row as this command last read or left it (its version)
    bool m_done = false;
};
