#include "AnnotationLookups.h"

#include "ChangeSet.h"

namespace {
// A coder works through a few articles at a time; past these the texts are
// read again rather than held without bound.
constexpr qsizetype kMaxSources = 64;
constexpr qsizetype kMaxSourceChars = 8 * 1024 * 1024;
} // namespace

void AnnotationLookups::setEnabled(bool enabled)
{
    m_enabled = enabled;
    clear();
}

AnnotationLookups::SourcePtr AnnotationLookups::learnSource(qint64 articleId, const QString &text)
{
    auto source = std::make_shared<const Source>(Source {text, TextOffsets(text)});
    if (!m_enabled)
        return source;
    if (m_sources.size() >= kMaxSources || m_sourceChars + text.size() > kMaxSourceChars) {
        m_sources.clear();
        m_sourceChars = 0;
    }
    m_sources.insert(articleId, source);
    m_sourceChars += text.size();
    return source;
}

std::optional<AnnotationLookups::CoderId> AnnotationLookups::coder(const QString &name) const
{
    const auto it = m_coders.constFind(name);
    if (it == m_coders.cend())
        return std::nullopt;
    return *it;
}

void AnnotationLookups::learnCoder(const QString &name, const CoderId &coder)
{
    if (m_enabled)
        m_coders.insert(name, coder);
}

bool AnnotationLookups::knowsCodes(const QSet<qint64> &codeIds) const
{
    return m_codes.contains(codeIds);
}

void AnnotationLookups::learnCodes(const QSet<qint64> &codeIds)
{
    if (m_enabled)
        m_codes.unite(codeIds);
}

QList<qint64> AnnotationLookups::takeIds(qsizetype count)
{
    if (m_ids.size() < count)
        return {};
    QList<qint64> taken = m_ids.first(count);
    m_ids.remove(0, count);
    return taken;
}

void AnnotationLookups::keepIds(const QList<qint64> &ids)
{
    if (m_enabled)
        m_ids += ids;
}

void AnnotationLookups::forget(const ChangeSet &changes)
{
    using Aggregate = ChangeSet::Aggregate;
    for (qint64 id : changes.of(Aggregate::Article).removed) {
        if (const SourcePtr s = m_sources.take(id))
            m_sourceChars -= s->text.size();
    }
    for (qint64 id : changes.of(Aggregate::Code).removed)
        m_codes.remove(id);
    // A renamed or removed coder: names are few, ask again.
    const ChangeSet::Ids &coders = changes.of(Aggregate::Coder);
    if (!coders.modified.isEmpty() || !coders.removed.isEmpty())
        m_coders.clear();
}

void AnnotationLookups::clear()
{
    m_sources.clear();
    m_sourceChars = 0;
    m_coders.clear();
    m_codes.clear();
    m_ids.clear();
}
