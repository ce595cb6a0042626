#pragma once

#include "domain/SegmentQuery.h"

#include <QStringList>

// The retrieval query language, text to SegmentQuery:
//
//   query    := or
//   or       := and ("OR" and)*
//   and      := not ("AND" not)*
//   not      := "NOT" not | relation
//   relation := primary (RELATION primary)*          (left to right)
//   RELATION := OVERLAPS | WITHIN | CONTAINS | FOLLOWED-BY [n]
//             | SAME-SENTENCE | SAME-PARAGRAPH | SAME-ARTICLE
//   primary  := "(" query ")" | field ":" value | [Category ":"] code name
//
// Keywords are upper case; names are bare words up to the next keyword or
// parenthesis, or "quoted" ("" inside quotes is a quote). Fields are lower
// case: code, category, coder, outlet, date, from, to, actor, speaker,
// target, stance, kind, status, memo, text, article. Anything else before a
// colon is a category (`Actor:Kim Jong Un`). Throws SegmentQueryError.
class SegmentQueryParser
{
public:
    static SegmentQuery parse(const QString &text);
    static QStringList fieldNames();
    static QString fieldName(SegmentQuery::Field field);
    static QString relationName(SegmentQuery::Relation relation);
    // The query written back in its canonical form (names quoted).
    static QString format(const SegmentQuery::Node &node);
};
