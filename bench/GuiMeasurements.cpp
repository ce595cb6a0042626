#include "GuiMeasurements.h"

#include "BenchContext.h"
#include "library/LibraryPanel.h"
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "lens/DefaultLexicon.h"
#include "lens/LensEngine.h"
#include "project/StarterProject.h"
#include "store/ProjectSession.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>

#include <stdexcept>

namespace {
double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

GuiMeasurements::GuiMeasurements(BenchContext &context)
    : m_context(context)
{
}

GuiMeasurements::~GuiMeasurements() = default;

void GuiMeasurements::settle()
{
    // Posted events (layout requests, deferred highlighting), then a paint
    // of every visible widget, done now rather than on the next frame.
    for (int i = 0; i < 2; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            w->repaint();
    }
}

std::unique_ptr<MainWindow> GuiMeasurements::openWindow(const QString &projectPath)
{
    auto window = std::make_unique<MainWindow>(StarterProject::openOrCreate(projectPath),
                                               MainWindow::Options{false});
    window->resize(1400, 860);
    window->show();
    settle();
    return window;
}

void GuiMeasurements::showArticle(MainWindow &window, qint64 articleId)
{
    if (!window.openArticle(articleId))
        throw std::runtime_error(QStringLiteral("MainWindow::openArticle(%1) failed").arg(articleId).toStdString());
    settle();
}

void GuiMeasurements::run()
{
    openProject();
    m_window = openWindow(m_context.projectPath);
    openArticle(QStringLiteral("open article with %1 annotations").arg(m_context.spec.heavyArticleAnnotations),
                m_context.heavyArticleId, 50, m_context.spec.heavyArticleAnnotations);
    openArticle(QStringLiteral("open %1 KB article with %2 annotations")
                    .arg(m_context.spec.bigArticleBytes / 1024)
                    .arg(m_context.spec.bigArticleAnnotations),
                m_context.bigArticleId, 300, m_context.spec.bigArticleAnnotations);
    lensOverArticle(m_context.bigArticleId, 200);
    m_window.reset();
}

void GuiMeasurements::openProject()
{
    Measurement m(QStringLiteral("open project, library of %1 rows shown").arg(m_context.articleIds.size() + 1),
                  QStringLiteral("ms"), 300, Measurement::Better::Lower);
    int rows = 0;
    for (int r = 0; r < m_context.guiRuns(); ++r) {
        QElapsedTimer timer;
        timer.start();
        auto window = openWindow(m_context.projectPath);
        m.add(msSince(timer));
        rows = window->libraryPanel()->view()->model()->rowCount();
    }
    m.setNote(QStringLiteral("StarterProject::openOrCreate + MainWindow shown at 1400×860, no article "
                             "open; the library view reports %1 rows")
                  .arg(rows));
    m_context.report.add(m);
}

void GuiMeasurements::openArticle(const QString &name, qint64 articleId, double targetMs, int annotations)
{
    Measurement m(name, QStringLiteral("ms"), targetMs, Measurement::Better::Lower);
    // Alternate with a plain article so each run really opens this one.
    const qint64 other = m_context.articleIds.constFirst();
    for (int r = 0; r < m_context.guiRuns(); ++r) {
        showArticle(*m_window, other);
        QElapsedTimer timer;
        timer.start();
        showArticle(*m_window, articleId);
        m.add(msSince(timer));
    }
    if (m_window->reader()->articleId() != articleId)
        throw std::runtime_error("the reader does not show the article that was opened");
    // Where the time goes, to point a fix at the right layer: the store's
    // part, and a bare ReaderView (same size and theme) without highlights.
    Measurement data(name, QStringLiteral("ms"), 0, Measurement::Better::Lower);
    Measurement bare(name, QStringLiteral("ms"), 0, Measurement::Better::Lower);
    Measurement highlighted(name, QStringLiteral("ms"), 0, Measurement::Better::Lower);
    ReaderView reader;
    reader.resize(m_window->reader()->size());
    reader.setCodes(m_window->store().codebook().codes());
    reader.show();
    for (int r = 0; r < m_context.guiRuns(); ++r) {
        QElapsedTimer timer;
        timer.start();
        const auto article = m_window->store().articles().get(articleId);
        const auto list = m_window->store().annotations().forArticle(articleId);
        data.add(msSince(timer));
        reader.clearArticle();
        settle();
        timer.restart();
        reader.setArticle(*article, {});
        settle();
        bare.add(msSince(timer));
        reader.clearArticle();
        settle();
        timer.restart();
        reader.setArticle(*article, list);
        settle();
        highlighted.add(msSince(timer));
    }
    m.setNote(QStringLiteral("MainWindow::openArticle + layout and paint of the visible part; %1 "
                             "annotations, %2 characters. Breakdown (medians): store reads %3 ms; a "
                             "bare ReaderView::setArticle + paint %4 ms without annotations, %5 ms "
                             "with them")
                  .arg(annotations)
                  .arg(m_window->reader()->article().text.size())
                  .arg(data.median(), 0, 'f', 1)
                  .arg(bare.median(), 0, 'f', 1)
                  .arg(highlighted.median(), 0, 'f', 1));
    m_context.report.add(m);
}

void GuiMeasurements::lensOverArticle(qint64 articleId, double targetMs)
{
    const auto article = m_window->store().articles().get(articleId);
    if (!article)
        throw std::runtime_error("the big article is missing");
    Measurement m(QStringLiteral("lens over the %1 KB article").arg(article->text.toUtf8().size() / 1024),
                  QStringLiteral("ms"), targetMs, Measurement::Better::Lower);
    // The worst case: every cue over every paragraph, as "code all
    // quotations" does; the reader itself only decorates what it paints.
    QTemporaryDir folder;
    LensEngine engine(folder.path());
    engine.setLexicon(DefaultLexicon::terms());
    qsizetype spans = 0;
    for (int r = 0; r < m_context.guiRuns(); ++r) {
        QElapsedTimer timer;
        timer.start();
        spans = engine.spansInText(article->text, QStringLiteral("en")).size();
        m.add(msSince(timer));
    }
    m.setNote(QStringLiteral("LensEngine::spansInText, all seven cues of the English starter lexicon "
                             "(KSyntaxHighlighting, generated definitions); %1 characters, %2 cue spans")
                  .arg(article->text.size())
                  .arg(spans));
    m_context.report.add(m);
}
