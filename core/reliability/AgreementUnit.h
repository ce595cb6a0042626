#pragma once

#include <QStringList>
#include <optional>

// The unit of analysis: whole articles, their paragraphs or sentences, or
// the span continuum (characters, for alpha_U).
enum class AgreementUnit
{
    Document,
    Paragraph,
    Sentence,
    Span
};

class AgreementUnits
{
public:
    static QString name(AgreementUnit unit);
    static std::optional<AgreementUnit> fromName(const QString &name);
    static QStringList names();
};
