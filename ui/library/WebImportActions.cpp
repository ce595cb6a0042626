#include "library/WebImportActions.h"

#include "shell/MainWindow.h"
#include "import/ArticleImporter.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QInputDialog>
#include <QMimeData>
#include <QRegularExpression>
#include <QStatusBar>
#include <QUrl>

WebImportActions::WebImportActions(MainWindow &window)
    : QObject(&window)
    , m_window(window)
    , m_importUrl(new QAction(tr("Import from &URL…"), this))
    , m_paste(new QAction(tr("Paste Links"), this))
{
    m_importUrl->setObjectName(QStringLiteral("importUrlAction"));
    m_importUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    connect(m_importUrl, &QAction::triggered, this, &WebImportActions::importUrlDialog);
    m_paste->setObjectName(QStringLiteral("pasteLinksAction"));
    m_paste->setShortcut(QKeySequence::Paste);
    m_paste->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_paste, &QAction::triggered, this, &WebImportActions::pasteFromClipboard);
}

QStringList WebImportActions::webAddresses(const QString &text)
{
    QStringList urls;
    static const QRegularExpression space(QStringLiteral(R"(\s+)"));
    for (const QString &word : text.split(space, Qt::SkipEmptyParts)) {
        const QUrl url(word, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (url.isValid() && !url.host().isEmpty()
            && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
            && !urls.contains(url.toString()))
            urls << url.toString();
    }
    return urls;
}

QStringList WebImportActions::importablePaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime)
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
        else if (ArticleImporter::isWebAddress(url.toString()))
            paths << url.toString();
    }
    if (paths.isEmpty() && mime->hasText())
        paths = webAddresses(mime->text());
    return paths;
}

void WebImportActions::importUrlDialog()
{
    QString suggestion;
    if (const QStringList clip = webAddresses(QApplication::clipboard()->text()); !clip.isEmpty())
        suggestion = clip.join(QLatin1Char('\n'));
    bool ok = false;
    const QString text
        = QInputDialog::getMultiLineText(&m_window, tr("Import from URL"),
                                         tr("Web addresses of articles, one per line. The main "
                                            "text is extracted; the page is kept in "
                                            "the project."),
                                         suggestion, &ok);
    if (!ok)
        return;
    const QStringList urls = webAddresses(text);
    if (urls.isEmpty()) {
        m_window.statusBar()->showMessage(tr("No http or https address found"), 5000);
        return;
    }
    m_window.importPaths(urls);
}

void WebImportActions::pasteFromClipboard()
{
    const QStringList paths = importablePaths(QApplication::clipboard()->mimeData());
    if (paths.isEmpty()) {
        m_window.statusBar()->showMessage(tr("The clipboard holds no link or file to import"),
                                          5000);
        return;
    }
    m_window.importPaths(paths);
}
