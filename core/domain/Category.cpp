#include "Category.h"

#include <array>

namespace {
struct KindName
{
    Category::Kind kind;
    const char *name;
};
constexpr std::array<KindName, 5> kKindNames{{{Category::Kind::Claim, "claim"},
                                              {Category::Kind::Actor, "actor"},
                                              {Category::Kind::Frame, "frame"},
                                              {Category::Kind::Technique, "technique"},
                                              {Category::Kind::Custom, "custom"}}};
} // namespace

QString Category::kindName(Kind kind)
{
    for (const auto &k : kKindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return QStringLiteral("custom");
}

Category::Kind Category::kindFromName(const QString &name, bool *ok)
{
    for (const auto &k : kKindNames) {
        if (name.compare(QLatin1StringView(k.name), Qt::CaseInsensitive) == 0) {
            if (ok)
                *ok = true;
            return k.kind;
        }
    }
    if (ok)
        *ok = false;
    return Kind::Custom;
}
