#pragma once

#include <QHash>
#include <QIcon>
#include <QProxyStyle>

// Fusion, with its dock title-bar icons made once. Qt 6.8's Fusion builds
// each of them from six image files on every call, and every dock title
// asks for both whenever it is laid out or painted (QCommonStyle sizes the
// close and float buttons from them): one repaint of the main window read
// dozens of files. They depend on nothing but their kind, so one copy of
// each serves every call.
class AppStyle final : public QProxyStyle
{
public:
    AppStyle();

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

private:
    mutable QHash<int, QIcon> m_titleBarIcons;
};
