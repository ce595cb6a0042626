#pragma once

#include "ProjectAgreement.h"
#include "domain/AdjudicationDecision.h"
#include "domain/Annotation.h"
#include "domain/AnnotationRecord.h"

#include <optional>

class ProjectSession;

// Settling the disagreements between coders into a consensus coder: a
// coder like any other, so the consensus is exported, measured and merged
// like anyone's coding.
//
// A place is one disagreement of the agreement browser: a unit (an
// article, or a paragraph or sentence of it) and the codes it is about (a
// code, or a category's codes). Accepting one coder's version copies that
// coder's annotations there, with only the place's codes; accepting several
// takes their union: per code, spans that overlap or touch become one span,
// and spans with the same ends share one annotation. What the consensus
// coder already has there is not added twice. Each acceptance is recorded
// as a decision, so a version saying "absent" (nothing to copy) still
// resolves the place, and deciding again replaces the consensus annotations
// of the earlier decision. A place is resolved when it has a decision or
// the consensus coder coded the place's codes in that unit by hand.
//
// Which annotations are "there" follows ProjectAgreement: for an article,
// every annotation in it (span or whole-article); for a paragraph or
// sentence, the span annotations overlapping it. Spans are copied whole,
// never cut at the unit's ends.
class Adjudication
{
public:
    static QString defaultConsensusName();

    struct Place
    {
        AgreementUnit unit = AgreementUnit::Document; // document, paragraph or sentence
        qint64 articleId = 0;
        qint64 start = 0; // code points; 0 and 0 for a whole article
        qint64 end = 0;
        QList<qint64> codeIds; // sorted
        bool multiValued = false;
    };
    // The place of a disagreement found for subject on unit (the span
    // continuum's disagreements are listed by sentence).
    static Place place(const ProjectAgreement::Disagreement &disagreement,
                       const ProjectAgreement::Subject &subject, AgreementUnit unit);

    // consensusName: the consensus coder, who need not exist yet.
    Adjudication(ProjectSession &session, const QString &consensusName);

    QString consensusName() const { return m_consensus; }
    // 0 until the consensus coder exists.
    qint64 consensusCoderId() const;

    // The consensus annotations that accepting the versions of coderIds at
    // place would add now.
    QList<NewAnnotation> proposal(const Place &place, const QList<qint64> &coderIds) const;

    struct Status
    {
        bool resolved = false;
        std::optional<AdjudicationDecision> decision; // none: coded by hand, or open
    };
    // One status per place, in order.
    QList<Status> status(const QList<Place> &places) const;

    // What resolving a place did, for undo and redo.
    struct Resolution
    {
        AdjudicationDecision decision;
        QList<qint64> added; // consensus annotations
        std::optional<AdjudicationDecision> replaced; // an earlier decision at the place
        QList<AnnotationRecord> removed; // the earlier decision's annotations
    };
    // Accepts the versions of coderIds (one coder, or several merged) at
    // place, in one unit of work: creates the consensus coder on first use,
    // takes back an earlier decision's annotations, adds the new ones and
    // records the decision. Throws ProjectError when no coder is given or
    // the consensus coder is one of them.
    Resolution resolve(const Place &place, const QList<qint64> &coderIds);

    // Whether an annotation is in the place's unit (not whether it has its codes).
    static bool inUnit(const Annotation &annotation, const Place &place);

private:
    QList<Annotation> consensusAnnotations(qint64 articleId) const;
    std::optional<AdjudicationDecision> decisionAt(const QList<AdjudicationDecision> &decisions,
                                                   const Place &place) const;

    ProjectSession &m_session;
    QString m_consensus;
};
