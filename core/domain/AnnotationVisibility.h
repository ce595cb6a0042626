#pragma once

#include <optional>

#include "domain/Annotation.h"
#include "domain/SegmentQuery.h"

#include <QSet>

// Whose annotations the person at the screen sees. Everyone's, less the
// coders they chose to hide; under blind coding (a project setting) only
// the current coder's own, so no coder's choices lean on another's.
// Coders are told apart by name, as the store keeps them unique.
class AnnotationVisibility
{
public:
    void setCurrentCoder(const QString &name) { m_current = name.trimmed(); }
    QString currentCoder() const { return m_current; }
    void setBlind(bool on) { m_blind = on; }
    bool isBlind() const { return m_blind; }

    // The reader's own choice, kept while blind coding overrides it.
    void setCoderHidden(const QString &name, bool hidden);
    bool isCoderHidden(const QString &name) const { return m_hidden.contains(name.trimmed()); }
    void showAllCoders() { m_hidden.clear(); }
    const QSet<QString> &hiddenCoders() const { return m_hidden; }

    // Whether a coder's annotations are seen: not hidden by choice, and,
    // under blind coding, the current coder's.
    bool showsCoder(const QString &name) const;
    bool shows(const Annotation &annotation) const { return showsCoder(annotation.coderName); }
    // The annotations that are seen, in their order; the list itself (shared,
    // not copied) when nothing is hidden.
    QList<Annotation> filtered(const QList<Annotation> &annotations) const;
    // Nothing of anyone is hidden.
    bool showsEveryone() const { return !m_blind && m_hidden.isEmpty(); }

    // A retrieval query limited, under blind coding, to the current coder's
    // segments: the result, and the right operand of every span relation,
    // so no segment is found through another coder's. Unchanged otherwise.
    SegmentQuery restricted(const SegmentQuery &query) const;
    // What counts and networks are restricted to: the query (if any),
    // restricted as above under blind coding, or just the current coder's
    // segments when there is no query.
    std::optional<SegmentQuery> restriction(const std::optional<SegmentQuery> &query) const;
    // Whether restricted() and restriction() narrow queries as other's do
    // (what retrieval and counts depend on; hidden coders are a reader matter).
    bool narrowsLike(const AnnotationVisibility &other) const
    {
        return m_blind == other.m_blind && (!m_blind || m_current == other.m_current);
    }

private:
    QString m_current;
    QSet<QString> m_hidden;
    bool m_blind = false;
};
