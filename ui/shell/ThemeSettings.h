#pragma once

#include <QString>

class QApplication;
class QMenu;
class QPalette;

// Light or dark: follow the system by default, or force either. The
// choice is kept in QSettings ("appearance/theme") and applied to the
// whole application; the reader adapts its page and highlight colours.
class ThemeSettings
{
public:
    enum class Theme { System, Light, Dark };

    static Theme saved();
    static void save(Theme theme);
    static QString name(Theme theme); // "system", "light", "dark"
    static Theme fromName(const QString &name, bool *ok = nullptr);

    // Applies the theme (System resolves through the platform's colour
    // scheme and follows it when it changes).
    static void apply(QApplication &app, Theme theme);
    static bool isDark(const QPalette &palette);

    // Fills `menu` with System / Light / Dark radio items that apply and
    // save the choice.
    static void populateMenu(QMenu *menu);

private:
    static void applyResolved(QApplication &app, bool dark);
};
