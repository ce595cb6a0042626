#pragma once

#include "domain/SegmentQuery.h"

#include <QStringList>
#include <functional>
#include <optional>

// The retrieval query language, text to SegmentQuery:
//
//   query    := or
//   or       := and ("OR" and)*
//   and      := not ("AND" not)*
//   not      := "NOT" not | relation
//   relation := primary (RELATION primary)*          (left to right)
//   RELATION := OVERLAPS | WITHIN | CONTAINS | FOLLOWED-BY [n]
//             | SAME-SENTENCE | SAME-PARAGRAPH | SAME-ARTICLE
//   primary  := "(" query ")" | "set:" name | field ":" value
//             | [Category ":"] code name
//
// Keywords are upper case; names are bare words up to the next keyword or
// parenthesis, or "quoted" ("" inside quotes is a quote). Fields are lower
// case: code, category, coder, outlet, date, from, to, actor, speaker,
// target, stance, kind, status, memo, text, article. Anything else before a
// colon is a category (`Actor:Kim Jong Un`). `set:NAME` is the query saved
// under NAME (SavedQueryRepository), parsed in its place. Throws
// SegmentQueryError.
class SegmentQueryParser
{
public:
    // A saved query's text by name, or nothing when there is none.
    using SavedQueryLookup = std::function<std::optional<QString>(const QString &name)>;

    // Without a lookup there are no saved queries. savingAs: the name the
    // text is about to be saved under, so that a set: leading back to it is
    // a cycle rather than the old text.
    static SegmentQuery parse(const QString &text, const SavedQueryLookup &saved = {},
                              const QString &savingAs = {});
    static QStringList fieldNames();
    static QString fieldName(SegmentQuery::Field field);
    static QString relationName(SegmentQuery::Relation relation);
    // The query written back in its canonical form (names quoted).
    static QString format(const SegmentQuery::Node &node);
};
