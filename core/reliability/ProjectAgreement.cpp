#include "ProjectAgreement.h"

#include "agreement/UnitizingAlpha.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"
#include "text/TextSegments.h"

#include <QSet>
#include <algorithm>
#include <map>

ProjectAgreement::ProjectAgreement(const ProjectSession &session, const QString &name)
    : m_session(session)
    , m_name(name)
    , m_annotations(session.annotations().places())
{
    for (int i = 0; i < m_annotations.size(); ++i) {
        if (m_articles.empty() || m_articles.back().id != m_annotations[i].articleId)
            m_articles.push_back({m_annotations[i].articleId, i, i});
        m_articles.back().end = i + 1;
    }
}

int ProjectAgreement::sharedArticles() const
{
    int shared = 0;
    for (const ArticleRange &r : m_articles) {
        for (int i = r.first + 1; i < r.end; ++i)
            if (m_annotations[i].coderId != m_annotations[r.first].coderId) {
                ++shared;
                break;
            }
    }
    return shared;
}

QList<AgreementMeasure> ProjectAgreement::defaultMeasures(AgreementUnit unit)
{
    if (unit == AgreementUnit::Span)
        return {AgreementMeasure::AlphaU};
    return {AgreementMeasure::Percent,        AgreementMeasure::Cohen,
            AgreementMeasure::Scott,          AgreementMeasure::Fleiss,
            AgreementMeasure::AlphaNominal,   AgreementMeasure::Ac1,
            AgreementMeasure::BrennanPrediger};
}

QList<Coder> ProjectAgreement::coders(const QStringList &names) const
{
    QList<Coder> out;
    const QList<Coder> all = m_session.coders().all();
    if (names.isEmpty()) {
        QSet<qint64> active;
        for (const AnnotationRepository::Place &a : m_annotations)
            active.insert(a.coderId);
        for (const Coder &c : all)
            if (active.contains(c.id))
                out.append(c);
    } else {
        for (const QString &name : names) {
            const auto c = m_session.coders().byName(name.trimmed());
            if (!c) {
                QStringList known;
                for (const Coder &k : all)
                    known.append(k.name);
                throw ProjectError(QStringLiteral("%1: no coder named \"%2\" (coders: %3)")
                                       .arg(m_name, name.trimmed(),
                                            known.isEmpty() ? QStringLiteral("none")
                                                            : known.join(QStringLiteral(", "))));
            }
            if (std::none_of(out.begin(), out.end(), [&](const Coder &o) { return o.id == c->id; }))
                out.append(*c);
        }
    }
    if (out.size() < 2) {
        QStringList names2;
        for (const Coder &c : out)
            names2.append(c.name);
        throw ProjectError(
            QStringLiteral("%1: agreement needs at least two coders; %2")
                .arg(m_name,
                     out.isEmpty()
                         ? QStringLiteral("nobody has annotated yet")
                         : QStringLiteral("only %1 coded").arg(names2.join(QStringLiteral(", ")))));
    }
    return out;
}

QList<ProjectAgreement::Subject> ProjectAgreement::subjects(const AgreementRequest &request,
                                                            const QList<Coder> &coders) const
{
    const CodebookRepository &book = m_session.codebook();
    QList<Subject> out;
    for (const QString &name : request.codes) {
        const auto code = book.codeByName(name.trimmed());
        if (!code)
            throw ProjectError(
                QStringLiteral("%1: no code named \"%2\"").arg(m_name, name.trimmed()));
        out.append({code->name, {code->id}, false});
    }
    if (!request.category.isEmpty()) {
        const auto category = book.categoryByName(request.category.trimmed());
        if (!category)
            throw ProjectError(QStringLiteral("%1: no category named \"%2\"")
                                   .arg(m_name, request.category.trimmed()));
        QList<qint64> ids;
        for (const Code &c : book.codes())
            if (c.categoryId == category->id) {
                ids.append(c.id);
                out.append({c.name, {c.id}, false});
            }
        if (ids.isEmpty())
            throw ProjectError(
                QStringLiteral("%1: category \"%2\" has no codes").arg(m_name, category->name));
        out.append({QStringLiteral("%1 (any code)").arg(category->name), ids, false});
        out.append({QStringLiteral("%1 (one variable)").arg(category->name), ids, true});
    }
    if (request.codes.isEmpty() && request.category.isEmpty()) {
        QSet<qint64> coderIds, used;
        for (const Coder &c : coders)
            coderIds.insert(c.id);
        for (const AnnotationRepository::Place &a : m_annotations)
            if (coderIds.contains(a.coderId))
                for (qint64 id : a.codeIds)
                    used.insert(id);
        for (const Code &c : book.codes())
            if (used.contains(c.id))
                out.append({c.name, {c.id}, false});
    }
    return out;
}

const std::vector<int> &ProjectAgreement::codedArticles(const QList<Coder> &coders) const
{
    QList<qint64> coderIds;
    for (const Coder &c : coders)
        coderIds.append(c.id);
    if (coderIds == m_codedFor && !m_coded.empty())
        return m_coded;
    m_codedFor = coderIds;
    m_coded.clear();
    for (size_t k = 0; k < m_articles.size(); ++k)
        for (int i = m_articles[k].first; i < m_articles[k].end; ++i)
            if (coderIds.contains(m_annotations[i].coderId)) {
                m_coded.push_back(int(k));
                break;
            }
    return m_coded;
}

const QString &ProjectAgreement::articleLabel(int article) const
{
    if (m_articleLabels.empty())
        m_articleLabels.resize(m_articles.size());
    QString &label = m_articleLabels[size_t(article)];
    if (label.isEmpty())
        label = QString::number(m_articles[size_t(article)].id);
    return label;
}

const QString &ProjectAgreement::text(qint64 articleId) const
{
    auto it = m_texts.find(articleId);
    if (it == m_texts.end()) {
        const auto article = m_session.articles().get(articleId);
        it = m_texts.insert(articleId, article ? article->text : QString());
    }
    return it.value();
}

ReliabilityData ProjectAgreement::units(const Subject &subject, AgreementUnit unit,
                                        const QList<Coder> &coders) const
{
    ReliabilityData data;
    QHash<qint64, int> coderIndex;
    for (const Coder &c : coders) {
        coderIndex.insert(c.id, int(data.coders.size()));
        data.coders.append(c.name);
    }
    const QSet<qint64> codes(subject.codeIds.begin(), subject.codeIds.end());
    QHash<qint64, QString> codeNames;
    if (subject.multiValued)
        for (qint64 id : subject.codeIds)
            if (const auto code = m_session.codebook().code(id))
                codeNames.insert(id, code->name);
    std::map<QString, int> labels;
    if (subject.multiValued)
        labels.emplace(QStringLiteral("(none)"), 0);
    else
        data.categoryCount = 2; // present or absent

    const size_t m = size_t(coders.size());
    const std::vector<int> &coded = codedArticles(coders);
    if (unit == AgreementUnit::Document && !subject.multiValued) {
        // Articles as units, one code or several as present or absent: a
        // flag per coder, no sets (this runs once per code over every
        // coded article).
        data.units.reserve(qsizetype(coded.size()));
        data.values.reserve(coded.size() * m);
        std::vector<std::optional<double>> row(m);
        for (int k : coded) {
            std::fill(row.begin(), row.end(), 0.0);
            const ArticleRange &r = m_articles[size_t(k)];
            for (int i = r.first; i < r.end; ++i) {
                const AnnotationRepository::Place &a = m_annotations[i];
                const auto ci = coderIndex.find(a.coderId);
                if (ci != coderIndex.end()
                    && std::any_of(a.codeIds.begin(), a.codeIds.end(),
                                   [&](qint64 id) { return codes.contains(id); }))
                    row[size_t(*ci)] = 1.0;
            }
            data.addUnit(articleLabel(k), row);
        }
        return data;
    }
    for (int k : coded) {
        const qint64 article = m_articles[size_t(k)].id;
        QList<TextSegments::Segment> segments;
        if (unit == AgreementUnit::Paragraph)
            segments = TextSegments::paragraphs(text(article));
        else if (unit == AgreementUnit::Sentence)
            segments = TextSegments::sentences(text(article));
        else
            segments.append({0, 0});
        // Per segment and coder: the subject's codes given there.
        std::vector<std::vector<QSet<qint64>>> given(size_t(segments.size()),
                                                     std::vector<QSet<qint64>>(m));
        for (int i = m_articles[size_t(k)].first; i < m_articles[size_t(k)].end; ++i) {
            const AnnotationRepository::Place &a = m_annotations[i];
            const auto ci = coderIndex.find(a.coderId);
            if (ci == coderIndex.end())
                continue;
            QList<qint64> hit;
            for (qint64 id : a.codeIds)
                if (codes.contains(id))
                    hit.append(id);
            if (hit.isEmpty())
                continue;
            if (unit == AgreementUnit::Document) {
                for (qint64 id : hit)
                    given[0][size_t(*ci)].insert(id);
                continue;
            }
            if (a.document)
                continue; // a whole-article code says nothing about one sentence
            // Segments are in order: the first that ends after the span starts.
            auto first = std::upper_bound(
                segments.begin(), segments.end(), a.start,
                [](qint64 pos, const TextSegments::Segment &s) { return pos < s.end; });
            for (auto s = first; s != segments.end() && s->start < a.end; ++s)
                for (qint64 id : hit)
                    given[size_t(s - segments.begin())][size_t(*ci)].insert(id);
        }
        std::vector<std::optional<double>> row(m);
        for (qsizetype s = 0; s < segments.size(); ++s) {
            for (size_t c = 0; c < m; ++c) {
                const QSet<qint64> &set = given[size_t(s)][c];
                if (!subject.multiValued) {
                    row[c] = set.isEmpty() ? 0.0 : 1.0;
                    continue;
                }
                QStringList names;
                for (qint64 id : set)
                    names.append(codeNames.value(id));
                names.sort();
                const QString label
                    = names.isEmpty() ? QStringLiteral("(none)") : names.join(QLatin1Char('+'));
                labels.emplace(label, 0);
                row[c] = 0; // placeholder: the label's index is set below
                data.valueLabels.append(label); // collected per cell, renumbered below
            }
            data.addUnit(unit == AgreementUnit::Document ? articleLabel(k)
                                                         : QStringLiteral("%1:%2-%3")
                                                               .arg(article)
                                                               .arg(segments[s].start)
                                                               .arg(segments[s].end),
                         row);
        }
    }
    if (subject.multiValued) {
        // valueLabels held one label per cell, in order: turn them into
        // indexes into the sorted distinct labels.
        const QStringList cells = data.valueLabels;
        data.valueLabels.clear();
        for (auto &[label, index] : labels) {
            index = int(data.valueLabels.size());
            data.valueLabels.append(label);
        }
        for (size_t k = 0; k < data.values.size(); ++k)
            data.values[k] = double(labels.at(cells[qsizetype(k)]));
    }
    return data;
}

UnitizingData ProjectAgreement::continuum(const QList<Subject> &subjects,
                                          const QList<Coder> &coders) const
{
    UnitizingData data;
    QHash<qint64, int> coderIndex;
    for (const Coder &c : coders) {
        coderIndex.insert(c.id, int(data.coders.size()));
        data.coders.append(c.name);
    }
    for (const Subject &s : subjects)
        data.categories.append(s.name);
    qint64 base = 0;
    for (int k : codedArticles(coders)) {
        if (m_lengths.isEmpty())
            m_lengths = m_session.articles().codePointLengths();
        const qint64 length = m_lengths.value(m_articles[size_t(k)].id);
        for (int i = m_articles[size_t(k)].first; i < m_articles[size_t(k)].end; ++i) {
            const AnnotationRepository::Place &a = m_annotations[i];
            const auto ci = coderIndex.find(a.coderId);
            if (ci == coderIndex.end() || a.document)
                continue;
            for (qsizetype k = 0; k < subjects.size(); ++k) {
                const Subject &s = subjects[k];
                if (s.multiValued)
                    continue;
                if (std::any_of(a.codeIds.begin(), a.codeIds.end(),
                                [&](qint64 id) { return s.codeIds.contains(id); }))
                    data.add(base + a.start, a.end - a.start, *ci, int(k));
            }
        }
        base += length;
    }
    data.length = base;
    return data;
}

QList<AgreementRow> ProjectAgreement::run(const AgreementRequest &request) const
{
    const QList<Coder> chosen = coders(request.coders);
    const QList<Subject> list = subjects(request, chosen);
    QStringList coderNames;
    for (const Coder &c : chosen)
        coderNames.append(c.name);
    const QList<AgreementMeasure> measures
        = request.measures.isEmpty() ? defaultMeasures(request.unit) : request.measures;
    QList<AgreementMeasure> coding;
    for (AgreementMeasure m : measures)
        if (m != AgreementMeasure::AlphaU)
            coding.append(m);
    const bool unitizing = measures.contains(AgreementMeasure::AlphaU);
    const UnitizingData spans = unitizing ? continuum(list, chosen) : UnitizingData();

    QList<AgreementRow> rows;
    for (qsizetype k = 0; k < list.size(); ++k) {
        const Subject &subject = list[k];
        QList<AgreementResult> results;
        if (!coding.isEmpty() && request.unit != AgreementUnit::Span)
            results = CodingAgreement(units(subject, request.unit, chosen))
                          .compute(coding, request.options);
        qsizetype next = 0;
        for (AgreementMeasure m : measures) {
            AgreementRow row;
            row.measure = m;
            row.code = subject.name;
            row.coders = coderNames;
            if (m == AgreementMeasure::AlphaU) {
                row.unit = AgreementUnit::Span;
                row.result = subject.multiValued
                    ? AgreementResult::undefined(
                        QStringLiteral(
                            "alpha_U is computed per code, not for a category as one variable"),
                        0, int(chosen.size()))
                    : UnitizingAlpha::category(spans, int(k));
            } else {
                row.unit = request.unit;
                row.result = request.unit == AgreementUnit::Span ? AgreementResult::undefined(
                                 QStringLiteral("the span continuum is for alpha-u; use --unit "
                                                "document, paragraph or sentence"),
                                 0, int(chosen.size()))
                                                                 : results[next++];
            }
            rows.append(row);
        }
    }
    // alpha_U over all codes together.
    int codeSubjects = 0;
    for (const Subject &s : list)
        codeSubjects += (s.codeIds.size() == 1 && !s.multiValued) ? 1 : 0;
    if (unitizing && codeSubjects > 1) {
        QList<Subject> single;
        for (const Subject &s : list)
            if (s.codeIds.size() == 1 && !s.multiValued)
                single.append(s);
        const UnitizingData codesOnly = continuum(single, chosen);
        AgreementRow row;
        row.measure = AgreementMeasure::AlphaU;
        row.unit = AgreementUnit::Span;
        row.code = QStringLiteral("(all codes)");
        row.coders = coderNames;
        row.result = UnitizingAlpha::overall(codesOnly);
        rows.append(row);
    }
    return rows;
}

QList<ProjectAgreement::Disagreement>
ProjectAgreement::disagreements(const Subject &subject, AgreementUnit unit,
                                const QList<Coder> &coders) const
{
    const ReliabilityData data
        = units(subject, unit == AgreementUnit::Span ? AgreementUnit::Sentence : unit, coders);
    QList<Disagreement> out;
    for (int u = 0; u < data.unitCount(); ++u) {
        QSet<double> seen;
        Disagreement d;
        for (int c = 0; c < data.coderCount(); ++c) {
            const auto v = data.at(u, c);
            if (!v) {
                d.values.append(QString());
                continue;
            }
            seen.insert(*v);
            d.values.append(subject.multiValued
                                ? data.valueText(*v)
                                : (*v != 0 ? QStringLiteral("present") : QStringLiteral("absent")));
        }
        if (seen.size() < 2)
            continue;
        // Labels are "ARTICLE" or "ARTICLE:START-END".
        const QString &label = data.units.at(u);
        const qsizetype colon = label.indexOf(QLatin1Char(':'));
        d.articleId = label.left(colon).toLongLong();
        if (colon >= 0) {
            const QStringList ends = label.mid(colon + 1).split(QLatin1Char('-'));
            d.start = ends.value(0).toLongLong();
            d.end = ends.value(1).toLongLong();
        }
        out.append(d);
    }
    return out;
}
