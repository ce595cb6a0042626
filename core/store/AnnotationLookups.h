#pragma once

#include "text/TextOffsets.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

class ChangeSet;

// What adding annotations on a team server learns from its lookup and need
// not ask again: article texts (never changed after import), the coder's
// id, codes that exist, and annotation ids reserved ahead (a sequence never
// gives one twice). A commit that finds all it needs here goes to the
// server in one round trip instead of two. Only a session that hears the
// other coders' changes keeps them: whatever a change set removes or
// renames is forgotten. What is kept may still be stale (deleted by
// another coder an instant ago, or made by a unit of work that rolled
// back): ids are never given twice, so the commit's foreign keys fail and
// store nothing, and AnnotationRepository tries again asking the server.
class AnnotationLookups
{
public:
    struct Source
    {
        QString text;
        TextOffsets offsets;
    };
    using SourcePtr = std::shared_ptr<const Source>;
    using CoderId = std::pair<qint64, QString>; // id, name as stored

    // Off (the default) keeps nothing; turning it off or on forgets all.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    SourcePtr source(qint64 articleId) const { return m_sources.value(articleId); }
    // The text's source, kept when enabled.
    SourcePtr learnSource(qint64 articleId, const QString &text);
    std::optional<CoderId> coder(const QString &name) const;
    void learnCoder(const QString &name, const CoderId &coder);
    bool knowsCodes(const QSet<qint64> &codeIds) const;
    void learnCodes(const QSet<qint64> &codeIds);
    // Exactly count reserved ids, or none if fewer are left.
    QList<qint64> takeIds(qsizetype count);
    void keepIds(const QList<qint64> &ids);

    void forget(const ChangeSet &changes);
    void clear();

private:
    bool m_enabled = false;
    QHash<qint64, SourcePtr> m_sources;
    qsizetype m_sourceChars = 0;
    QHash<QString, CoderId> m_coders;
    QSet<qint64> m_codes;
    QList<qint64> m_ids;
};
