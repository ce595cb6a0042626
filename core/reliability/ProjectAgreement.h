#pragma once

#include "AgreementRequest.h"
#include "agreement/ReliabilityData.h"
#include "agreement/UnitizingData.h"
#include "domain/Coder.h"
#include "store/AnnotationRepository.h"

#include <QHash>
#include <vector>

class ProjectSession;

// Builds reliability data from a project's annotations and measures it.
//
// Units: the articles that any of the chosen coders annotated, or their
// paragraphs or sentences. A coder's value for a code on a unit is 1 if the
// coder gave the code to a span overlapping the unit (or, for articles, to
// the whole article), else 0: a coder who did not mark a code in an article
// they coded said it is absent. A category as one variable takes as value
// the set of the category's codes a coder gave the unit ("(none)" if none).
// The span continuum for alpha_U is the chosen articles' texts one after
// another, in code points.
class ProjectAgreement
{
public:
    struct Subject
    {
        QString name;
        QList<qint64> codeIds;
        bool multiValued = false; // the category as one variable
    };

    // Reads the annotations once; name is how messages call the project.
    ProjectAgreement(const ProjectSession &session, const QString &name);

    // Throws ProjectError for an unknown coder, code or category, or fewer
    // than two coders.
    QList<AgreementRow> run(const AgreementRequest &request) const;

    QList<Coder> coders(const QStringList &names) const;
    QList<Subject> subjects(const AgreementRequest &request, const QList<Coder> &coders) const;
    // Unit labels are "ARTICLE" or "ARTICLE:START-END" (code points).
    ReliabilityData units(const Subject &subject, AgreementUnit unit,
                          const QList<Coder> &coders) const;
    // Categories of the continuum: the subjects, in order (multi-valued
    // subjects have no units).
    UnitizingData continuum(const QList<Subject> &subjects, const QList<Coder> &coders) const;
    static QList<AgreementMeasure> defaultMeasures(AgreementUnit unit);

    // A unit on which the coders' values differ: where it is and what each
    // coder gave (valueLabels-style text: "present", "absent", or codes).
    struct Disagreement
    {
        qint64 articleId = 0;
        qint64 start = 0; // code points; 0 and 0 for a whole article
        qint64 end = 0;
        QStringList values; // per coder, "" = no value
    };
    QList<Disagreement> disagreements(const Subject &subject, AgreementUnit unit,
                                      const QList<Coder> &coders) const;

    // Articles anyone annotated, and those two or more coders annotated.
    int annotatedArticles() const { return int(m_articles.size()); }
    int sharedArticles() const;

private:
    // One article's annotations: m_annotations[first, end) (places come
    // sorted by article).
    struct ArticleRange
    {
        qint64 id = 0;
        int first = 0;
        int end = 0;
    };
    // Indexes into m_articles of the articles the coders annotated, in id
    // order; kept for the last set of coders (each subject asks again).
    const std::vector<int> &codedArticles(const QList<Coder> &coders) const;
    const QString &text(qint64 articleId) const;
    // The unit label of a whole article, made once and shared.
    const QString &articleLabel(int article) const;

    const ProjectSession &m_session;
    QString m_name;
    QList<AnnotationRepository::Place> m_annotations;
    std::vector<ArticleRange> m_articles;
    mutable QList<qint64> m_codedFor; // coder ids of m_coded
    mutable std::vector<int> m_coded;
    mutable std::vector<QString> m_articleLabels;
    mutable QHash<qint64, QString> m_texts;
    mutable QHash<qint64, qint64> m_lengths; // code points, read on first use
};
