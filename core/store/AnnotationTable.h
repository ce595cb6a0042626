#pragma once

#include "domain/Annotation.h"

#include <QSqlDatabase>

#include <functional>

class TextOffsets;

// The SQL of annotations and their codes, for ProjectStore, which owns the
// transactions and tells the UI what changed.
class AnnotationTable
{
public:
    explicit AnnotationTable(const QSqlDatabase &db);

    // Cuts quote and context from the stored text (code point offsets) and
    // inserts the rows; throws ProjectError on a bad span, article or code.
    QList<qint64> insert(const QList<NewAnnotation> &annotations,
                         const std::function<qint64(const QString &coderName)> &coderId,
                         const QString &time);
    // Inserts an annotation exactly as it was, same id (undo / redo).
    void insertExact(const Annotation &annotation);
    // Annotations with their codes; where is a clause on alias a, with one ? bound.
    QList<Annotation> load(const QString &where, const QVariant &bound) const;
    int count() const;

    struct Excerpt
    {
        QString quote, prefix, suffix;
    };
    // The quote of [start, end) with its context, cut by code points; throws
    // ProjectError on a span outside the text.
    static Excerpt excerpt(const QString &text, const TextOffsets &offsets, qint64 start, qint64 end);
    // Throws ProjectError unless [start, end) is a non-empty span inside the text.
    static void checkSpan(const TextOffsets &offsets, qint64 start, qint64 end);

    // Characters of context stored on each side of a quote.
    static constexpr int contextLength = 40;

private:
    QSqlDatabase m_db;
};
