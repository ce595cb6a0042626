#include "Memo.h"

#include <array>

namespace {
struct TargetName
{
    Memo::Target target;
    const char *name;
};
constexpr std::array<TargetName, 5> kTargetNames {{{Memo::Target::Project, "project"},
                                                   {Memo::Target::Article, "article"},
                                                   {Memo::Target::Code, "code"},
                                                   {Memo::Target::Annotation, "annotation"},
                                                   {Memo::Target::Actor, "actor"}}};
} // namespace

QString Memo::targetName(Target target)
{
    for (const auto &t : kTargetNames) {
        if (t.target == target)
            return QString::fromLatin1(t.name);
    }
    return QStringLiteral("project");
}

Memo::Target Memo::targetFromName(const QString &name)
{
    for (const auto &t : kTargetNames) {
        if (name == QLatin1StringView(t.name))
            return t.target;
    }
    return Target::Project;
}
