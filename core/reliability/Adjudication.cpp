#include "Adjudication.h"

#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace {
// One annotation's share of a place: where, and which of the place's codes.
struct Piece
{
    bool document = false;
    qint64 start = 0;
    qint64 end = 0;
    QList<qint64> codes;
    qint64 actorId = 0;
    bool primary = false;
};

// Several coders' pieces as their union: per code, overlapping or touching
// spans joined; then one piece per distinct span with all its codes.
QList<Piece> unite(const QList<Piece> &pieces)
{
    std::map<qint64, QList<std::pair<qint64, qint64>>> byCode;
    Piece whole;
    whole.document = true;
    for (const Piece &p : pieces) {
        if (p.document) {
            whole.start = p.start;
            whole.end = p.end;
            whole.primary = whole.primary || p.primary;
            for (qint64 c : p.codes)
                if (!whole.codes.contains(c))
                    whole.codes.append(c);
            continue;
        }
        for (qint64 c : p.codes)
            byCode[c].append({p.start, p.end});
    }
    std::map<std::pair<qint64, qint64>, QList<qint64>> bySpan;
    for (auto &[code, spans] : byCode) {
        std::sort(spans.begin(), spans.end());
        QList<std::pair<qint64, qint64>> joined;
        for (const auto &s : spans) {
            if (!joined.isEmpty() && s.first <= joined.back().second)
                joined.back().second = std::max(joined.back().second, s.second);
            else
                joined.append(s);
        }
        for (const auto &s : joined)
            bySpan[s].append(code);
    }
    QList<Piece> out;
    if (!whole.codes.isEmpty()) {
        std::sort(whole.codes.begin(), whole.codes.end());
        out.append(whole);
    }
    for (const auto &[span, codes] : bySpan) {
        Piece p;
        p.start = span.first;
        p.end = span.second;
        p.codes = codes;
        out.append(p);
    }
    return out;
}
} // namespace

QString Adjudication::defaultConsensusName()
{
    return QStringLiteral("Consensus");
}

Adjudication::Place Adjudication::place(const ProjectAgreement::Disagreement &d,
                                        const ProjectAgreement::Subject &subject,
                                        AgreementUnit unit)
{
    Place p;
    p.unit = unit == AgreementUnit::Span ? AgreementUnit::Sentence : unit;
    p.articleId = d.articleId;
    p.start = d.start;
    p.end = d.end;
    p.codeIds = subject.codeIds;
    std::sort(p.codeIds.begin(), p.codeIds.end());
    p.multiValued = subject.multiValued;
    return p;
}

Adjudication::Adjudication(ProjectSession &session, const QString &consensusName)
    : m_session(session)
    , m_consensus(consensusName.trimmed())
{
}

qint64 Adjudication::consensusCoderId() const
{
    const auto c = m_session.coders().byName(m_consensus);
    return c ? c->id : 0;
}

bool Adjudication::inUnit(const Annotation &a, const Place &place)
{
    if (a.articleId != place.articleId)
        return false;
    if (place.unit == AgreementUnit::Document)
        return true;
    // A whole-article code says nothing about one paragraph or sentence.
    return !a.document && a.start < place.end && a.end > place.start;
}

QList<Annotation> Adjudication::consensusAnnotations(qint64 articleId) const
{
    const qint64 consensus = consensusCoderId();
    QList<Annotation> out;
    if (!consensus)
        return out;
    for (const Annotation &a : m_session.annotations().forArticle(articleId))
        if (a.coderId == consensus)
            out.append(a);
    return out;
}

QList<NewAnnotation> Adjudication::proposal(const Place &place, const QList<qint64> &coderIds) const
{
    const QSet<qint64> coders(coderIds.begin(), coderIds.end());
    const QSet<qint64> codes(place.codeIds.begin(), place.codeIds.end());
    QList<Piece> pieces;
    for (const Annotation &a : m_session.annotations().forArticle(place.articleId)) {
        if (!coders.contains(a.coderId) || !inUnit(a, place))
            continue;
        Piece p {a.document, a.start, a.end, {}, a.actorId, a.primary};
        for (qint64 c : a.codeIds)
            if (codes.contains(c))
                p.codes.append(c);
        if (!p.codes.isEmpty())
            pieces.append(p);
    }
    if (coders.size() > 1)
        pieces = unite(pieces);

    // What the consensus coder has already: (whole article or span, code).
    std::set<std::tuple<bool, qint64, qint64, qint64>> had;
    for (const Annotation &a : consensusAnnotations(place.articleId))
        for (qint64 c : a.codeIds)
            had.insert({a.document, a.document ? 0 : a.start, a.document ? 0 : a.end, c});
    QList<NewAnnotation> out;
    for (Piece &p : pieces) {
        p.codes.removeIf([&](qint64 c) {
            return had.count({p.document, p.document ? 0 : p.start, p.document ? 0 : p.end, c});
        });
        if (p.codes.isEmpty())
            continue;
        for (qint64 c : p.codes) // the same span of two coders is added once
            had.insert({p.document, p.document ? 0 : p.start, p.document ? 0 : p.end, c});
        NewAnnotation n;
        n.articleId = place.articleId;
        n.start = p.start;
        n.end = p.end;
        n.codeIds = p.codes;
        n.coderName = m_consensus;
        n.actorId = p.actorId;
        n.document = p.document;
        n.primary = p.primary;
        out.append(n);
    }
    std::stable_sort(out.begin(), out.end(), [](const NewAnnotation &a, const NewAnnotation &b) {
        return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    return out;
}

std::optional<AdjudicationDecision>
Adjudication::decisionAt(const QList<AdjudicationDecision> &decisions, const Place &place) const
{
    const QString unit = AgreementUnits::name(place.unit);
    QList<qint64> codes = place.codeIds;
    std::sort(codes.begin(), codes.end());
    for (auto d = decisions.rbegin(); d != decisions.rend(); ++d)
        if (d->unit == unit && d->articleId == place.articleId && d->start == place.start
            && d->end == place.end && d->codeIds == codes && d->multiValued == place.multiValued)
            return *d;
    return std::nullopt;
}

QList<Adjudication::Status> Adjudication::status(const QList<Place> &places) const
{
    QList<Status> out(places.size());
    const qint64 consensus = consensusCoderId();
    if (!consensus)
        return out;
    const QList<AdjudicationDecision> decisions = m_session.adjudications().forCoder(consensus);
    QHash<qint64, QList<Annotation>> byArticle;
    for (qsizetype i = 0; i < places.size(); ++i) {
        const Place &p = places[i];
        if (const auto d = decisionAt(decisions, p)) {
            out[i] = {true, d};
            continue;
        }
        auto it = byArticle.find(p.articleId);
        if (it == byArticle.end())
            it = byArticle.insert(p.articleId, consensusAnnotations(p.articleId));
        out[i].resolved = std::any_of(it->begin(), it->end(), [&](const Annotation &a) {
            return inUnit(a, p) && std::any_of(a.codeIds.begin(), a.codeIds.end(), [&](qint64 c) {
                       return p.codeIds.contains(c);
                   });
        });
    }
    return out;
}

Adjudication::Resolution Adjudication::resolve(const Place &place, const QList<qint64> &coderIds)
{
    if (coderIds.isEmpty())
        throw ProjectError(QStringLiteral("adjudication: whose version to accept was not given"));
    UnitOfWork unit(m_session.database());
    const qint64 consensus = m_session.coders().ensure(m_consensus);
    if (coderIds.contains(consensus))
        throw ProjectError(
            QStringLiteral("adjudication: \"%1\" is the consensus coder and one of the coders "
                           "compared; choose another name for the consensus")
                .arg(m_consensus));
    Resolution r;
    if (const auto earlier = decisionAt(m_session.adjudications().forCoder(consensus), place)) {
        r.replaced = m_session.adjudications().remove(earlier->id);
        QList<qint64> ids;
        for (const QString &uuid : earlier->annotationUuids)
            if (const auto a = m_session.annotations().byUuid(uuid))
                ids.append(a->id);
        r.removed = m_session.annotations().removeMany(ids);
    }
    const QList<NewAnnotation> adds = proposal(place, coderIds);
    if (!adds.isEmpty())
        r.added = m_session.annotations().addMany(adds);
    AdjudicationDecision d;
    d.consensusCoderId = consensus;
    d.unit = AgreementUnits::name(place.unit);
    d.articleId = place.articleId;
    d.start = place.start;
    d.end = place.end;
    d.codeIds = place.codeIds;
    d.multiValued = place.multiValued;
    d.acceptedCoderIds = coderIds;
    for (const AnnotationRecord &a : m_session.annotations().records(r.added))
        d.annotationUuids.append(a.annotation.uuid);
    r.decision = m_session.adjudications().add(d);
    unit.commit();
    return r;
}
