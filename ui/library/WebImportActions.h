#pragma once

#include <QObject>
#include <QStringList>

class MainWindow;
class QAction;
class QMimeData;

// Bringing pages in from the web: File > Import from URL… (Ctrl+U) and
// pasting links into the library (Ctrl+V). Both end in
// MainWindow::importPaths, which fetches, extracts and reports.
class WebImportActions : public QObject
{
    Q_OBJECT

public:
    explicit WebImportActions(MainWindow &window);

    QAction *importUrlAction() const { return m_importUrl; }
    // Add to the library panel: its shortcut works while the library has focus.
    QAction *pasteAction() const { return m_paste; }

    // The http(s) addresses in some text, one per line or separated by spaces.
    static QStringList webAddresses(const QString &text);
    // Local files and http(s) links of a drop or the clipboard.
    static QStringList importablePaths(const QMimeData *mime);

private:
    void importUrlDialog();
    void pasteFromClipboard();

    MainWindow &m_window;
    QAction *m_importUrl = nullptr;
    QAction *m_paste = nullptr;
};
