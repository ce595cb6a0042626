#include "shell/ThemeSettings.h"

#include "shell/AppStyle.h"
#include "shell/AppTheme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPalette>
#include <QSettings>
#include <QStyleHints>

namespace {
const QString settingsKey = QStringLiteral("appearance/theme");
ThemeSettings::Theme currentTheme = ThemeSettings::Theme::System;
QMetaObject::Connection systemFollower;

bool systemIsDark()
{
    return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
}

QPalette darkPalette()
{
    const QColor window(0x2a, 0x29, 0x27);
    const QColor base(0x22, 0x21, 0x1f);
    const QColor text(0xe3, 0xe0, 0xd8);
    const QColor accent(0x6a, 0x9a, 0xdc);
    QPalette pal;
    pal.setColor(QPalette::Window, window);
    pal.setColor(QPalette::WindowText, text);
    pal.setColor(QPalette::Base, base);
    pal.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2b, 0x29));
    pal.setColor(QPalette::ToolTipBase, QColor(0x33, 0x32, 0x2f));
    pal.setColor(QPalette::ToolTipText, text);
    pal.setColor(QPalette::PlaceholderText, QColor(0x8f, 0x8b, 0x83));
    pal.setColor(QPalette::Text, text);
    pal.setColor(QPalette::Button, QColor(0x33, 0x32, 0x2f));
    pal.setColor(QPalette::ButtonText, text);
    pal.setColor(QPalette::BrightText, Qt::white);
    pal.setColor(QPalette::Light, QColor(0x45, 0x44, 0x41));
    pal.setColor(QPalette::Midlight, QColor(0x3a, 0x39, 0x36));
    pal.setColor(QPalette::Mid, QColor(0x4a, 0x48, 0x44));
    pal.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x17));
    pal.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0b));
    pal.setColor(QPalette::Highlight, QColor(0x3d, 0x66, 0x9e));
    pal.setColor(QPalette::HighlightedText, Qt::white);
    pal.setColor(QPalette::Link, accent);
    pal.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3a, 0x44, 0x52));
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText, text);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        pal.setColor(QPalette::Disabled, role, QColor(0x70, 0x6d, 0x67));
    return pal;
}
} // namespace

ThemeSettings::Theme ThemeSettings::saved()
{
    return fromName(QSettings().value(settingsKey).toString());
}

void ThemeSettings::save(Theme theme)
{
    QSettings().setValue(settingsKey, name(theme));
}

QString ThemeSettings::name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeSettings::Theme ThemeSettings::fromName(const QString &name, bool *ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == QLatin1String("light"))
        return Theme::Light;
    if (n == QLatin1String("dark"))
        return Theme::Dark;
    if (ok && n != QLatin1String("system"))
        *ok = false;
    return Theme::System;
}

bool ThemeSettings::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

void ThemeSettings::apply(QApplication &app, Theme theme)
{
    currentTheme = theme;
    QObject::disconnect(systemFollower);
    if (theme == Theme::System) {
        systemFollower = QObject::connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, &app,
                                          [&app](Qt::ColorScheme scheme) {
                                              applyResolved(app, scheme == Qt::ColorScheme::Dark);
                                          });
        applyResolved(app, systemIsDark());
    } else {
        applyResolved(app, theme == Theme::Dark);
    }
}

void ThemeSettings::applyResolved(QApplication &app, bool dark)
{
    if (!dark) {
        AppTheme::apply(app);
        return;
    }
    app.setStyle(new AppStyle);
    app.setPalette(darkPalette());
    app.setStyleSheet(QStringLiteral(
        "QDockWidget::title { padding: 7px 10px 5px 10px; text-align: left; }"
        "QTreeView::item { min-height: 24px; }"
        "QStatusBar { border-top: 1px solid #3a3936; }"
        "QStatusBar QLabel { color: #aaa69d; }"));
}

void ThemeSettings::populateMenu(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    const struct
    {
        Theme theme;
        QString label;
    } items[] = {{Theme::System, QObject::tr("Follow &System")},
                 {Theme::Light, QObject::tr("&Light")},
                 {Theme::Dark, QObject::tr("&Dark")}};
    for (const auto &item : items) {
        QAction *action = menu->addAction(item.label);
        action->setCheckable(true);
        action->setChecked(item.theme == currentTheme);
        action->setData(name(item.theme));
        group->addAction(action);
        const Theme theme = item.theme;
        QObject::connect(action, &QAction::triggered, menu, [theme] {
            if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
                apply(*app, theme);
            save(theme);
        });
    }
    QObject::connect(menu, &QMenu::aboutToShow, menu, [group] {
        for (QAction *action : group->actions())
            action->setChecked(action->data().toString() == name(currentTheme));
    });
}
