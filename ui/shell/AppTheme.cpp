#include "shell/AppTheme.h"

#include "shell/AppStyle.h"

#include <QApplication>
#include <QPalette>

void AppTheme::apply(QApplication &app)
{
    app.setStyle(new AppStyle);

    const QColor window(0xf3, 0xf2, 0xee);
    const QColor text(0x2a, 0x29, 0x26);
    const QColor accent(0x3a, 0x6b, 0xb0);
    QPalette pal;
    pal.setColor(QPalette::Window, window);
    pal.setColor(QPalette::WindowText, text);
    pal.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    pal.setColor(QPalette::AlternateBase, QColor(0xf8, 0xf7, 0xf4));
    pal.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfe, 0xf9));
    pal.setColor(QPalette::ToolTipText, text);
    pal.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x89, 0x82));
    pal.setColor(QPalette::Text, text);
    pal.setColor(QPalette::Button, QColor(0xf6, 0xf5, 0xf2));
    pal.setColor(QPalette::ButtonText, text);
    pal.setColor(QPalette::BrightText, Qt::white);
    pal.setColor(QPalette::Light, Qt::white);
    pal.setColor(QPalette::Midlight, QColor(0xe9, 0xe7, 0xe2));
    pal.setColor(QPalette::Mid, QColor(0xc9, 0xc6, 0xbf));
    pal.setColor(QPalette::Dark, QColor(0xa8, 0xa5, 0x9e));
    pal.setColor(QPalette::Shadow, QColor(0x6e, 0x6b, 0x66));
    pal.setColor(QPalette::Highlight, accent);
    pal.setColor(QPalette::HighlightedText, Qt::white);
    pal.setColor(QPalette::Link, accent);
    pal.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0xd5, 0xdf, 0xec));
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText, text);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        pal.setColor(QPalette::Disabled, role, QColor(0xa3, 0xa0, 0x99));
    app.setPalette(pal);

    // Only what the palette cannot say: roomier dock titles and rows.
    app.setStyleSheet(QStringLiteral(
        "QDockWidget::title { padding: 7px 10px 5px 10px; text-align: left; }"
        "QTreeView::item { min-height: 24px; }"
        "QStatusBar { border-top: 1px solid #dcd9d2; }"
        "QStatusBar QLabel { color: #5d5a54; }"));
}
