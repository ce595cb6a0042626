#include "CodebookMeasurements.h"

#include "BenchContext.h"
#include "GuiMeasurements.h"
#include "library/LibraryPanel.h"
#include "shell/MainWindow.h"
#include "reader/ReaderView.h"
#include "commands/DeleteCodeCommand.h"
#include "commands/MergeCodesCommand.h"
#include "store/ProjectSession.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QUndoStack>

#include <stdexcept>

namespace {
double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void fail(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}
} // namespace

CodebookMeasurements::CodebookMeasurements(BenchContext &context)
    : m_context(context)
{
}

qint64 CodebookMeasurements::addUsedCode(const QString &projectPath, const QString &name, int articles,
                                         int annotations)
{
    auto session = ProjectSession::open(projectPath);
    const Code used = session->codebook().ensureCode(name);
    QList<NewAnnotation> list;
    list.reserve(annotations);
    const int perArticle = (annotations + articles - 1) / articles;
    for (int i = 0; i < annotations; ++i) {
        NewAnnotation n;
        n.articleId = m_context.articleIds.at((i / perArticle) % m_context.articleIds.size());
        n.start = 10 * (i % perArticle);
        n.end = n.start + 8;
        n.codeIds = {used.id};
        list.append(n);
    }
    session->annotations().addMany(list);
    return used.id;
}

void CodebookMeasurements::measure(MainWindow &window, const QString &name,
                                   const std::function<void()> &push, double targetMs)
{
    Measurement m(name, QStringLiteral("ms"), targetMs, Measurement::Better::Lower);
    QElapsedTimer timer;
    timer.start();
    push();
    // Models update inside the change event; then the views lay out and paint.
    GuiMeasurements::settle();
    m.add(msSince(timer));
    m.setNote(QStringLiteral("through the window's undo stack, as the Codebook panel does; until the "
                             "library (%1 rows), reader and code list are updated and painted")
                  .arg(window.libraryPanel()->view()->model()->rowCount()));
    m_context.report.add(m);
}

void CodebookMeasurements::run()
{
    const int articles = qMin(5700, int(m_context.articleIds.size()));
    const int annotations = m_context.spec.articles >= 20000 ? 20000 : 2000;
    const QString path = QDir(m_context.workDir).filePath(QStringLiteral("codebook-edits.framewise"));
    QFile::remove(path);
    if (!QFile::copy(m_context.projectPath, path))
        fail(QStringLiteral("cannot copy %1 to %2").arg(m_context.projectPath, path));
    const qint64 source = addUsedCode(path, QStringLiteral("Bench merge source"), articles, annotations);
    const qint64 doomed = addUsedCode(path, QStringLiteral("Bench deleted code"), articles, annotations);

    auto window = GuiMeasurements::openWindow(path);
    GuiMeasurements::showArticle(*window, m_context.articleIds.constFirst());
    ProjectSession &session = window->store();
    const qint64 target = m_context.codeIds.constFirst();
    const int targetBefore = session.codebook().codeAnnotationCounts({target}).value(target);
    QUndoStack *undo = window->undoStack();
    const auto failOnError = [](const QString &message) { fail(message); };
    // As the Codebook panel has them: read before the timing starts.
    const Code sourceCode = *session.codebook().code(source);
    const Code targetCode = *session.codebook().code(target);

    measure(
        *window,
        QStringLiteral("merge a code used %1 times in %2 articles").arg(annotations).arg(articles),
        [&] {
            undo->push(new MergeCodesCommand(session, sourceCode, targetCode,
                                             QStringLiteral("Merge"), failOnError));
        },
        1000);
    if (session.codebook().code(source)
        || session.codebook().codeAnnotationCounts({target}).value(target) != targetBefore + annotations)
        fail(QStringLiteral("the merge did not move every annotation"));
    measure(*window, QStringLiteral("undo that merge"), [&] { undo->undo(); }, 1000);
    if (!session.codebook().code(source))
        fail(QStringLiteral("undoing the merge did not bring the code back"));

    const int totalBefore = session.annotations().count();
    const Code doomedCode = *session.codebook().code(doomed);
    measure(
        *window, QStringLiteral("delete a code with %1 annotations").arg(annotations),
        [&] {
            undo->push(
                new DeleteCodeCommand(session, doomedCode, QStringLiteral("Delete"), failOnError));
        },
        1000);
    if (session.annotations().count() != totalBefore - annotations)
        fail(QStringLiteral("the deletion did not take the code's annotations"));
    measure(*window, QStringLiteral("undo that deletion"), [&] { undo->undo(); }, 1000);
    if (session.annotations().count() != totalBefore)
        fail(QStringLiteral("undoing the deletion did not bring every annotation back"));
    window.reset();
    QFile::remove(path);
}
