#include "AgreementReport.h"

#include "base/DelimitedText.h"

#include <QLocale>
#include <cmath>

namespace {
QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QString();
}

QString unitPhrase(AgreementUnit unit)
{
    switch (unit) {
    case AgreementUnit::Document:
        return QStringLiteral("articles");
    case AgreementUnit::Paragraph:
        return QStringLiteral("paragraphs");
    case AgreementUnit::Sentence:
        return QStringLiteral("sentences");
    case AgreementUnit::Span:
        return QStringLiteral("characters of the coded texts (the span continuum)");
    }
    return {};
}
} // namespace

QString AgreementReport::csv(const QList<AgreementRow> &rows)
{
    QString out = QStringLiteral("code,measure,unit,coders,units,value,ci_low,ci_high,note\r\n");
    for (const AgreementRow &r : rows)
        out += QStringList {DelimitedText::csvField(r.code),
                            AgreementMeasures::name(r.measure),
                            AgreementUnits::name(r.unit),
                            DelimitedText::csvField(r.coders.join(QLatin1Char(';'))),
                            QString::number(r.result.units),
                            figure(r.result.value),
                            figure(r.result.ciLow),
                            figure(r.result.ciHigh),
                            DelimitedText::csvField(r.result.reason)}
                   .join(QLatin1Char(','))
            + QStringLiteral("\r\n");
    return out;
}

QString AgreementReport::methods(const QList<AgreementRow> &rows, int replicates)
{
    if (rows.isEmpty())
        return {};
    const QLocale english(QLocale::English);
    const QStringList coders = rows.front().coders;
    QString coderList = coders.size() > 1
        ? QStringList(coders.mid(0, coders.size() - 1)).join(QStringLiteral(", "))
            + QStringLiteral(" and ") + coders.back()
        : coders.join(QString());
    QString text = QStringLiteral("Inter-coder reliability was assessed for %1 coders (%2).")
                       .arg(english.toString(qlonglong(coders.size())), coderList);
    for (const AgreementRow &r : rows) {
        const QString title = AgreementMeasures::title(r.measure);
        if (!r.result.value) {
            text += QStringLiteral(" %1 for %2 could not be computed (%3).")
                        .arg(title, r.code, r.result.reason);
            continue;
        }
        text += QStringLiteral(" %1 for %2 was %3").arg(title, r.code, figure(r.result.value));
        if (r.result.ciLow && r.result.ciHigh)
            text += QStringLiteral(" (95% bootstrap confidence interval %1 to %2, %3 replicates)")
                        .arg(figure(r.result.ciLow), figure(r.result.ciHigh),
                             english.toString(replicates));
        text += r.measure == AgreementMeasure::AlphaU
            ? QStringLiteral(", over %1 units marked on %2.")
                  .arg(english.toString(r.result.units), unitPhrase(r.unit))
            : QStringLiteral(", with %1 %2 as units.")
                  .arg(english.toString(r.result.units), unitPhrase(r.unit));
    }
    text += QStringLiteral(
        " Values of at least 0.800 are commonly taken as reliable and values of at least "
        "0.667 as acceptable for tentative conclusions (Krippendorff 2004).");
    return text;
}

AgreementReport::Verdict AgreementReport::verdict(const AgreementResult &result)
{
    if (!result.value)
        return Verdict::None;
    // Judged as shown, to three decimals: 0.6667 reads 0.667 and passes.
    const long long shown = std::llround(*result.value * 1000);
    if (shown >= 800)
        return Verdict::Reliable;
    if (shown >= 667)
        return Verdict::Tentative;
    return Verdict::Unreliable;
}
