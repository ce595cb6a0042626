#pragma once

#include "Repository.h"

#include <QList>

// The code frequencies the analysis reads (code_articles, code_days) are
// kept by triggers, one link at a time. A codebook edit that moves or
// removes thousands of links holds those triggers and recounts the codes it
// touched in one pass instead. Use inside the edit's unit of work:
//   CodeCounts::Hold hold(counts);  ...edit...  hold.recount({a, b});
class CodeCounts : public Repository
{
public:
    explicit CodeCounts(Database &db)
        : Repository(db)
    {
    }

    class Hold
    {
    public:
        explicit Hold(CodeCounts &counts);
        ~Hold();
        Hold(const Hold &) = delete;
        Hold &operator=(const Hold &) = delete;
        // Recounts these codes from their links and lets the triggers work
        // again; without it, the unit of work must not commit.
        void recount(const QList<qint64> &codeIds);

    private:
        CodeCounts &m_counts;
        bool m_held = true;
    };

private:
    void setHeld(bool held);
    void recount(const QList<qint64> &codeIds);
};
