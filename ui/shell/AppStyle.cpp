#include "shell/AppStyle.h"

#include <QStyleFactory>

AppStyle::AppStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option,
                             const QWidget *widget) const
{
    // Only the two Fusion draws from its own files; the rest may depend on
    // the option (direction) or the platform theme.
    if (icon != SP_TitleBarCloseButton && icon != SP_TitleBarNormalButton)
        return QProxyStyle::standardIcon(icon, option, widget);
    auto it = m_titleBarIcons.constFind(icon);
    if (it == m_titleBarIcons.cend())
        it = m_titleBarIcons.insert(icon, QProxyStyle::standardIcon(icon, option, widget));
    return *it;
}
