#include "AgreementUnit.h"

QString AgreementUnits::name(AgreementUnit unit)
{
    switch (unit) {
    case AgreementUnit::Document:
        return QStringLiteral("document");
    case AgreementUnit::Paragraph:
        return QStringLiteral("paragraph");
    case AgreementUnit::Sentence:
        return QStringLiteral("sentence");
    case AgreementUnit::Span:
        return QStringLiteral("span");
    }
    return {};
}

std::optional<AgreementUnit> AgreementUnits::fromName(const QString &name)
{
    for (AgreementUnit u : {AgreementUnit::Document, AgreementUnit::Paragraph,
                            AgreementUnit::Sentence, AgreementUnit::Span})
        if (name.compare(AgreementUnits::name(u), Qt::CaseInsensitive) == 0)
            return u;
    return std::nullopt;
}

QStringList AgreementUnits::names()
{
    return {QStringLiteral("document"), QStringLiteral("paragraph"), QStringLiteral("sentence"),
            QStringLiteral("span")};
}
