#pragma once

#include "AgreementMeasure.h"
#include "AgreementResult.h"
#include "ReliabilityData.h"

#include <QList>
#include <vector>

// How to compute: bootstrap replicates (0 = no interval), their seed and the
// interval's confidence level.
struct AgreementOptions
{
    int bootstrap = 0;
    quint64 seed = 1;
    double level = 0.95;
};

// The coefficients over units coded by several coders, with missing values:
// percent agreement, Cohen's kappa (two coders; for more, the mean over
// pairs, Light 1971), Scott's pi and Fleiss' kappa (multi-pi), Krippendorff's
// alpha for four metrics, Gwet's AC1 and Brennan-Prediger. Only units with
// two or more values count (pairable units).
//
// Bootstrap: units are resampled with replacement (percentile interval).
// Units are first grouped by their coders' values, so a replicate is one
// multinomial draw over the distinct value patterns, not one per unit.
class CodingAgreement
{
public:
    explicit CodingAgreement(const ReliabilityData &data);

    AgreementResult compute(AgreementMeasure measure, const AgreementOptions &options = {}) const;
    // Several measures over the same bootstrap replicates.
    QList<AgreementResult> compute(const QList<AgreementMeasure> &measures,
                                   const AgreementOptions &options) const;

    int pairableUnits() const { return m_pairable; }

private:
    struct Profile
    {
        std::vector<int> values; // category index per coder, -1 = missing
        std::vector<std::pair<int, int>> counts; // (category, how many coders)
        int m = 0; // values in the unit
    };

    std::optional<double> evaluate(AgreementMeasure measure, const std::vector<double> &weights,
                                   QString *reason) const;
    std::optional<double> percent(const std::vector<double> &w, QString *reason) const;
    std::optional<double> chanceCorrected(AgreementMeasure measure, const std::vector<double> &w,
                                          QString *reason) const;
    std::optional<double> cohen(const std::vector<double> &w, QString *reason) const;
    std::optional<double> alpha(AgreementMeasure measure, const std::vector<double> &w,
                                QString *reason) const;
    // Whether the measure can be computed at all on these data (else why not).
    QString refusal(AgreementMeasure measure) const;
    int categoryCount() const;

    std::vector<Profile> m_profiles;
    std::vector<double> m_weights; // units per profile
    std::vector<double> m_categories; // distinct values, ascending
    int m_coders = 0;
    int m_pairable = 0;
    int m_declaredCategories = 0;
    bool m_labels = false;
};
