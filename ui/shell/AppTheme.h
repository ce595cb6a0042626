#pragma once

class QApplication;

// The look of the application: Fusion with a calm, warm light palette, so
// Framewise looks the same on every desktop and never dated.
class AppTheme
{
public:
    static void apply(QApplication &app);
};
