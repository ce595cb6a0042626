#include "AnnotationVisibility.h"

namespace {
using Node = SegmentQuery::Node;

// node AND coder:name, placed where node is (errors point at node).
Node onlyCoder(Node node, const QString &name)
{
    Node coder;
    coder.op = SegmentQuery::Op::Filter;
    coder.field = SegmentQuery::Field::Coder;
    coder.value = name;
    coder.position = node.position;
    Node both;
    both.op = SegmentQuery::Op::And;
    both.position = node.position;
    both.children.push_back(std::move(node));
    both.children.push_back(std::move(coder));
    return both;
}

void restrictRelations(Node &node, const QString &name)
{
    for (Node &child : node.children)
        restrictRelations(child, name);
    if (node.op == SegmentQuery::Op::Relation && node.children.size() == 2)
        node.children[1] = onlyCoder(std::move(node.children[1]), name);
}
} // namespace

void AnnotationVisibility::setCoderHidden(const QString &name, bool hidden)
{
    if (hidden)
        m_hidden.insert(name.trimmed());
    else
        m_hidden.remove(name.trimmed());
}

bool AnnotationVisibility::showsCoder(const QString &name) const
{
    const QString coder = name.trimmed();
    if (m_blind && coder != m_current)
        return false;
    return !m_hidden.contains(coder);
}

QList<Annotation> AnnotationVisibility::filtered(const QList<Annotation> &annotations) const
{
    if (showsEveryone())
        return annotations;
    QList<Annotation> seen;
    seen.reserve(annotations.size());
    for (const Annotation &a : annotations) {
        if (shows(a))
            seen.append(a);
    }
    return seen;
}

SegmentQuery AnnotationVisibility::restricted(const SegmentQuery &query) const
{
    if (!m_blind)
        return query;
    SegmentQuery limited = query;
    restrictRelations(limited.root, m_current);
    limited.root = onlyCoder(std::move(limited.root), m_current);
    return limited;
}

std::optional<SegmentQuery> AnnotationVisibility::restriction(const std::optional<SegmentQuery> &query) const
{
    if (!m_blind)
        return query;
    if (query)
        return restricted(*query);
    SegmentQuery mine;
    mine.root.op = SegmentQuery::Op::Filter;
    mine.root.field = SegmentQuery::Field::Coder;
    mine.root.value = m_current;
    return mine;
}
