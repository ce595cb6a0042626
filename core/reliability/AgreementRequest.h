#pragma once

#include "AgreementUnit.h"
#include "agreement/AgreementMeasure.h"
#include "agreement/CodingAgreement.h"

#include <QStringList>

// What to measure in a project. Empty coders: everyone who annotated.
// Empty codes and category: every code any of those coders used.
struct AgreementRequest
{
    QStringList coders;
    QStringList codes;
    QString category;
    AgreementUnit unit = AgreementUnit::Document;
    QList<AgreementMeasure> measures; // empty: ProjectAgreement::defaultMeasures
    AgreementOptions options;
};

// One figure: a measure of one code (or category) on one unit.
struct AgreementRow
{
    AgreementMeasure measure = AgreementMeasure::AlphaNominal;
    AgreementUnit unit = AgreementUnit::Document;
    QString code; // a code name, "CATEGORY (any code)", "CATEGORY (one variable)" or "(all codes)"
    QStringList coders;
    AgreementResult result;
};
