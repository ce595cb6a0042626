#pragma once

#include "base/ProjectError.h"

#include <QString>
#include <vector>

// A parsed retrieval query (core/analysis/SegmentQueryParser builds it; the
// store evaluates it). Every node stands for a set of coded segments
// (annotations); positions are 0-based character indexes into the query
// text, so errors found while resolving names can point at them.
struct SegmentQuery
{
    enum class Op
    {
        Code,
        Filter,
        And,
        Or,
        Not,
        Relation,
        Saved
    };
    enum class Relation
    {
        Overlaps,
        Within,
        Contains,
        FollowedBy,
        SameSentence,
        SameParagraph,
        SameArticle
    };
    enum class Field
    {
        Code,
        Category,
        Coder,
        Outlet,
        Date,
        From,
        To,
        Actor,
        Speaker,
        Target,
        Stance,
        Kind,
        Status,
        Memo,
        Text,
        Article
    };

    struct Node
    {
        Op op = Op::Code;
        int position = 0;
        // Op::Code: a code name, optionally qualified by its category.
        QString category;
        QString name;
        // Op::Filter
        Field field = Field::Code;
        QString value;
        // Op::Saved (set:NAME): name is the saved query's, its one child the
        // saved text parsed (positions in that text, not in this one).
        // Op::Relation: the left operand's segments that stand in the
        // relation to at least one other segment of the right operand.
        Relation relation = Relation::Overlaps;
        qint64 distance = -1; // FOLLOWED-BY n; -1 = anywhere later in the article
        std::vector<Node> children;
    };

    QString text;
    Node root;
};

// A query that cannot be parsed or names something the project lacks. The
// message says what and where ("position 12: ..."), position is 0-based.
class SegmentQueryError : public ProjectError
{
public:
    SegmentQueryError(int position, const QString &problem)
        : ProjectError(QStringLiteral("position %1: %2").arg(position + 1).arg(problem))
        , m_position(position)
        , m_problem(problem)
    {
    }
    int position() const { return m_position; }
    const QString &problem() const { return m_problem; }

private:
    int m_position;
    QString m_problem;
};
