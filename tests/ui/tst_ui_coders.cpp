// Several coders in the window: View ▸ Coders hides a coder's annotations
// from the reader and its list, the coder lane tells coders apart, blind
// coding (Edit ▸ Blind Coding, stored in the project, undoable) hides
// everyone else's and says so in the status bar, and File ▸ Merge Coders'
// Projects… merges another coder's copy and reports what it added.
#include "StarterWindow.h"
#include "analysis/CodeMatrixPanel.h"
#include "analysis/CodedSegmentsPanel.h"
#include "analysis/NetworkPanel.h"
#include "annotating/AnnotationListModel.h"
#include "annotating/AnnotationPanel.h"
#include "coders/CoderVisibilityActions.h"
#include "coders/MergeDialog.h"
#include "reader/AnnotationHighlighter.h"
#include "reader/ReaderView.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QComboBox>
#include <QDockWidget>
#include <QTableWidget>
#include <QTextCursor>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

namespace {
const QString kMe = QStringLiteral("Ann");
const QString kOther = QStringLiteral("Second Coder");

// Answers the next file dialog with one file, as a user typing its path
// would; waits until the dialog is up and takes it. One that does not take
// it is cancelled after a while, so the test fails instead of hanging.
void chooseFile(const QString &path)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, path, tries = 0]() mutable {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (++tries > 250) {
            timer->stop();
            timer->deleteLater();
            dialog->reject();
            return;
        }
        // Typed into the file name field: selectFile() of a file chosen in
        // an earlier dialog leaves the selection empty.
        if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
            name->setText(path);
        if (!dialog->selectedFiles().contains(path))
            return;
        timer->stop();
        timer->deleteLater();
        QMetaObject::invokeMethod(dialog, "accept"); // QFileDialog's is protected
    });
    timer->start();
}
} // namespace

class TestCodersUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void hidingACoderHidesTheirAnnotations();
    void blindCodingHidesOthersAndShowsInStatusBar();
    void blindCodingNarrowsMatrixAndNetwork();
    void mergeActionMergesAndReports();

private:
    qint64 annotate(ProjectSession &store, const QString &phrase, const QString &code,
                    const QString &coder);
    QAction *coderItem(const QString &name) const;
    QList<qint64> readerIds() const;
    QList<qint64> listIds() const;
    int depthAt(qint64 annotationId) const;
    ReaderView *reader() const { return m_window->reader(); }
    CoderVisibilityActions *coders() const { return m_window->coderVisibility(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_mine = 0;
    qint64 m_theirs = 0;
};

void TestCodersUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCodersUi::init()
{
    QVERIFY(openStarterWindow(m_dir, m_window, {1300, 850}));
    QVERIFY(m_window->setCoder(kMe));
    ProjectSession &store = m_window->store();
    m_mine = annotate(store, QStringLiteral("Kim Jong Un"), QStringLiteral("Person"), kMe);
    // The other coder's overlaps mine: both coders on the same line.
    m_theirs = annotate(store, QStringLiteral("Jong Un has offered"),
                        QStringLiteral("Factual claim"), kOther);
    QVERIFY(m_mine && m_theirs);
    QVERIFY(m_window->openArticle(reader()->articleId()));
}

void TestCodersUi::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

qint64 TestCodersUi::annotate(ProjectSession &store, const QString &phrase, const QString &code,
                              const QString &coder)
{
    const qint64 article = store.articles().summaries().front().id;
    const QString text = store.articles().get(article)->text;
    const qsizetype at = text.indexOf(phrase);
    const auto c = store.codebook().codeByName(code);
    if (at < 0 || !c)
        return 0;
    NewAnnotation n;
    n.articleId = article;
    n.start = at; // the sample's beginning is BMP-only: UTF-16 == code points
    n.end = at + phrase.size();
    n.codeIds = {c->id};
    n.coderName = coder;
    return store.annotations().add(n).id;
}

QAction *TestCodersUi::coderItem(const QString &name) const
{
    coders()->fillMenu(); // as when the menu opens
    for (QAction *action : coders()->menu()->actions()) {
        if (action->data().toString() == name)
            return action;
    }
    return nullptr;
}

QList<qint64> TestCodersUi::readerIds() const
{
    QList<qint64> ids;
    for (const Annotation &a : reader()->shownAnnotations())
        ids.append(a.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QList<qint64> TestCodersUi::listIds() const
{
    QList<qint64> ids;
    for (const Annotation &a : m_window->annotationPanel()->model()->annotations())
        ids.append(a.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

int TestCodersUi::depthAt(qint64 annotationId) const
{
    // The first character only the other coder's annotation covers ("has").
    const std::optional<Annotation> a = m_window->store().annotations().get(annotationId);
    const qint64 at = annotationId == m_theirs ? a->end - 3 : a->start;
    return reader()->highlightFormatAt(at).property(AnnotationHighlighter::DepthProperty).toInt();
}

void TestCodersUi::hidingACoderHidesTheirAnnotations()
{
    QCOMPARE(readerIds(), (QList<qint64> {m_mine, m_theirs}));
    QCOMPARE(listIds(), (QList<qint64> {m_mine, m_theirs}));
    QCOMPARE(depthAt(m_theirs), 1);

    // Two coders in view: each annotation gets a mark in its coder's colour,
    // side by side in the coder lane, the other coder's in its own column.
    reader()->scrollToSpan(m_window->store().annotations().get(m_mine)->start,
                           m_window->store().annotations().get(m_mine)->end);
    reader()->viewport()->repaint();
    const auto markOf = [this](qint64 id) {
        for (const ReaderView::MarginBar &mark : reader()->coderMarks())
            if (mark.annotationId == id)
                return mark;
        return ReaderView::MarginBar();
    };
    const ReaderView::MarginBar mine = markOf(m_mine), theirs = markOf(m_theirs);
    QCOMPARE(mine.colour, QColor(m_window->store().coders().byName(kMe)->colour));
    QCOMPARE(theirs.colour, QColor(m_window->store().coders().byName(kOther)->colour));
    QVERIFY(mine.colour != theirs.colour);
    QVERIFY(mine.rect.right() <= theirs.rect.left()); // "Ann" before "Second Coder"
    QVERIFY(theirs.rect.right() <= ReaderView::gutterWidth);
    for (const ReaderView::MarginBar &bar : reader()->marginBars())
        QVERIFY(bar.rect.right() < mine.rect.left());
    // Hovering names the coder beside a dot of their colour.
    {
        const qint64 at = m_window->store().annotations().get(m_theirs)->end - 2;
        QTextCursor c(reader()->document());
        c.setPosition(reader()->documentPosition(at));
        const QPoint point = reader()->cursorRect(c).center() + QPoint(1, 0);
        QHelpEvent help(QEvent::ToolTip, point, reader()->viewport()->mapToGlobal(point));
        QApplication::sendEvent(reader()->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QToolTip::hideText();
        QVERIFY2(tip.contains(
                     QStringLiteral("<span style='color:%1'>●</span>").arg(theirs.colour.name())),
                 qPrintable(tip));
        QVERIFY(tip.contains(QLatin1String("Coder: Second Coder")));
    }
    // The list shows each row's coder with a swatch of the same colour.
    AnnotationListModel *model = m_window->annotationPanel()->model();
    const QModelIndex coderCell = model->index(model->rowOf(m_theirs), AnnotationListModel::Coder);
    QCOMPARE(coderCell.data().toString(), kOther);
    QVERIFY(!coderCell.data(Qt::DecorationRole).value<QPixmap>().isNull());
    QVERIFY(!m_window->annotationPanel()->view()->isColumnHidden(AnnotationListModel::Coder));

    // View ▸ Coders: uncheck the other coder.
    QVERIFY(coderItem(kMe)->text().contains(QLatin1String("(you)")));
    QAction *other = coderItem(kOther); // (the menu is filled anew each time)
    QVERIFY(other);
    QVERIFY(other->isCheckable() && other->isChecked() && other->isEnabled());
    QVERIFY(!other->icon().isNull()); // the coder's colour
    other->trigger();
    QCOMPARE(readerIds(), QList<qint64> {m_mine});
    QCOMPARE(listIds(), QList<qint64> {m_mine});
    QCOMPARE(depthAt(m_theirs), 0);
    QCOMPARE(depthAt(m_mine), 1);
    reader()->viewport()->repaint();
    QVERIFY(reader()->coderMarks().isEmpty()); // one coder left: no lane
    // Hidden means gone from the reader: Delete cannot reach it there.
    QVERIFY(
        reader()->annotationsAt(m_window->store().annotations().get(m_theirs)->end - 1).isEmpty());
    // Reopening the article keeps the choice.
    QVERIFY(m_window->openArticle(reader()->articleId()));
    QCOMPARE(readerIds(), QList<qint64> {m_mine});
    QVERIFY(!coderItem(kOther)->isChecked());

    // Show All Coders brings them back.
    coders()->fillMenu();
    QAction *all = m_window->findChild<QAction *>(QStringLiteral("showAllCodersAction"));
    QVERIFY(all && all->isEnabled());
    all->trigger();
    QCOMPARE(readerIds(), (QList<qint64> {m_mine, m_theirs}));
    QCOMPARE(listIds(), (QList<qint64> {m_mine, m_theirs}));
    QVERIFY(coderItem(kOther)->isChecked());
}

void TestCodersUi::blindCodingHidesOthersAndShowsInStatusBar()
{
    ProjectSession &store = m_window->store();
    QLabel *badge = m_window->findChild<QLabel *>(QStringLiteral("blindCodingBadge"));
    QAction *blind = m_window->findChild<QAction *>(QStringLiteral("blindCodingAction"));
    QAction *agreement = m_window->findChild<QAction *>(QStringLiteral("agreementAction"));
    QVERIFY(badge && blind && agreement);
    QVERIFY(!badge->isVisibleTo(m_window.get()));
    QVERIFY(!blind->isChecked());
    const int commands = m_window->undoStack()->count();
    // F8 onto the other coder's annotation: once hidden, it is no target.
    for (int i = 0; i < 3 && reader()->currentAnnotationId() != m_theirs; ++i)
        QVERIFY(reader()->nextAnnotation());
    QCOMPARE(reader()->currentAnnotationId(), m_theirs);

    blind->trigger(); // Edit ▸ Blind Coding
    QVERIFY(blind->isChecked());
    QVERIFY(store.settings().blindCoding());
    QVERIFY(badge->isVisibleTo(m_window.get()));
    QCOMPARE(badge->text(), QStringLiteral("Blind coding"));
    QCOMPARE(readerIds(), QList<qint64> {m_mine});
    QCOMPARE(listIds(), QList<qint64> {m_mine});
    QCOMPARE(depthAt(m_theirs), 0);
    QCOMPARE(reader()->currentAnnotationId(), 0);
    QVERIFY(!agreement->isEnabled());
    QCOMPARE(m_window->undoStack()->count(), commands + 1);
    // The other coder's item waits, disabled; mine stays mine to toggle.
    QVERIFY(!coderItem(kOther)->isEnabled());
    QVERIFY(!coderItem(kOther)->isChecked());
    QVERIFY(coderItem(kMe)->isEnabled());
    // Coded segments find only mine, also through a relation.
    CodedSegmentsPanel *segments = m_window->codedSegmentsPanel();
    segments->queryEdit()->setText(QStringLiteral("Person OR \"Factual claim\""));
    QVERIFY(segments->run());
    QCOMPARE(segments->results().size(), 1);
    QCOMPARE(segments->results().front().annotationId, m_mine);
    QVERIFY(segments->statusLabel()->text().contains(QLatin1String("blind coding")));
    segments->queryEdit()->setText(QStringLiteral("Person OVERLAPS \"Factual claim\""));
    QVERIFY(segments->run());
    QVERIFY(segments->results().isEmpty());

    // Switching coder: the other coder now sees only theirs.
    QVERIFY(m_window->setCoder(kOther));
    QCOMPARE(readerIds(), QList<qint64> {m_theirs});
    QCOMPARE(listIds(), QList<qint64> {m_theirs});
    QVERIFY(m_window->setCoder(kMe));
    QCOMPARE(readerIds(), QList<qint64> {m_mine});

    // A new coder with nothing coded sees an empty list that explains itself.
    QVERIFY(m_window->setCoder(QStringLiteral("Newcomer")));
    QVERIFY(readerIds().isEmpty());
    QVERIFY(m_window->annotationPanel()->emptyHint()->isVisibleTo(m_window.get()));
    QVERIFY(
        m_window->annotationPanel()->emptyHint()->text().contains(QLatin1String("Blind coding")));
    segments->queryEdit()->setText(QStringLiteral("Person"));
    QVERIFY(segments->run());
    QVERIFY(segments->results().isEmpty());
    QVERIFY(m_window->setCoder(kMe));

    // Undo turns it off again, redo on: it is one undoable step.
    m_window->undoStack()->undo();
    QVERIFY(!store.settings().blindCoding());
    QVERIFY(!blind->isChecked());
    QVERIFY(!badge->isVisibleTo(m_window.get()));
    QCOMPARE(readerIds(), (QList<qint64> {m_mine, m_theirs}));
    QVERIFY(agreement->isEnabled());
    m_window->undoStack()->redo();
    QVERIFY(badge->isVisibleTo(m_window.get()));
    QCOMPARE(readerIds(), QList<qint64> {m_mine});

    // It belongs to the project: opened again (or copied), it is still on.
    const QString path = store.path();
    m_window->replaceProject(ProjectSession::open(path));
    QVERIFY(m_window->store().settings().blindCoding());
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("blindCodingAction"))->isChecked());
    QVERIFY(badge->isVisibleTo(m_window.get()));
    QCOMPARE(readerIds(), QList<qint64> {m_mine});

    // Turning it off from the menu shows everyone again.
    blind->trigger();
    QVERIFY(!m_window->store().settings().blindCoding());
    QVERIFY(!badge->isVisibleTo(m_window.get()));
    QCOMPARE(readerIds(), (QList<qint64> {m_mine, m_theirs}));
}

void TestCodersUi::mergeActionMergesAndReports()
{
    // Another coder's project: made on its own from the same sample (other
    // UUIDs: the article matches by its text, the code by its name).
    const QString otherPath = m_dir->filePath(QStringLiteral("remote.framewise"));
    qint64 remoteId = 0;
    {
        auto other = StarterProject::openOrCreate(otherPath);
        remoteId = annotate(*other, QStringLiteral("explicit justification"),
                            QStringLiteral("Factual claim"), QStringLiteral("Remote Coder"));
        QVERIFY(remoteId);
    }
    ProjectSession &store = m_window->store();
    const int annotations = store.annotations().count();
    const int commands = m_window->undoStack()->count();

    QAction *merge = m_window->findChild<QAction *>(QStringLiteral("mergeProjectsAction"));
    QVERIFY(merge && merge->isEnabled());
    chooseFile(otherPath);
    merge->trigger();
    MergeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<MergeDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->sources(), QStringList {otherPath});
    // Before anything happens it says that this is one step Undo cannot take back.
    QVERIFY2(
        dialog->warningLabel()->text().contains(QLatin1String("one step that cannot be undone")),
        qPrintable(dialog->warningLabel()->text()));
    QCOMPARE(store.annotations().count(), annotations);

    dialog->mergeButton()->click();
    QVERIFY(!dialog->isRunning());
    const QString report = dialog->reportText();
    QVERIFY2(report.startsWith(QLatin1String("Merged 1 project into starter.framewise.")),
             qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Annotations added:\t1\n")), qPrintable(report));
    QVERIFY(report.contains(QLatin1String("Annotations already there:\t0\n")));
    QVERIFY(report.contains(QLatin1String("Articles added:\t0\n")));
    QVERIFY(report.contains(QLatin1String("Coders whose annotations were added: Remote Coder")));
    QVERIFY(!dialog->mergeButton()->isEnabled());
    QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    QCOMPARE(store.annotations().count(), annotations + 1);
    QCOMPARE(m_window->undoStack()->count(), commands); // not an undoable command
    // The open article shows the merged annotation at once, in its coder's colour.
    bool shown = false;
    for (const Annotation &a : reader()->shownAnnotations())
        shown = shown || a.coderName == QLatin1String("Remote Coder");
    QVERIFY(shown);
    QCOMPARE(listIds().size(), 3);
    dialog->closeButton()->click();
    QTRY_VERIFY(!m_window->findChild<MergeDialog *>());

    // The same file again: nothing added, the annotation already there.
    chooseFile(otherPath);
    merge->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<MergeDialog *>()) && dialog->isVisible());
    dialog->mergeButton()->click();
    QVERIFY2(dialog->reportText().contains(QLatin1String("Annotations added:\t0\n"
                                                         "Annotations already there:\t1\n")),
             qPrintable(dialog->reportText()));
    QCOMPARE(store.annotations().count(), annotations + 1);
    dialog->closeButton()->click();

    // A copy where that annotation was moved: a conflict, listed, and
    // nothing changes.
    const QString movedPath = m_dir->filePath(QStringLiteral("moved.framewise"));
    QVERIFY(QFile::copy(otherPath, movedPath));
    {
        auto moved = ProjectSession::open(movedPath);
        const Annotation a = *moved->annotations().get(remoteId);
        moved->annotations().setSpan(remoteId, a.start + 1, a.end);
    }
    chooseFile(movedPath);
    merge->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<MergeDialog *>()) && dialog->isVisible());
    dialog->mergeButton()->click();
    QVERIFY2(dialog->reportText().startsWith(
                 QLatin1String("The merge was refused; nothing was changed. 1 conflict:")),
             qPrintable(dialog->reportText()));
    QVERIFY(dialog->reportText().contains(QLatin1String("differs in the target")));
    QVERIFY(dialog->mergeButton()->isEnabled()); // may be tried again
    QCOMPARE(store.annotations().count(), annotations + 1);
    dialog->closeButton()->click();
}

void TestCodersUi::blindCodingNarrowsMatrixAndNetwork()
{
    // Counts and networks are findings about everyone's coding: coding
    // blind, they are made from the current coder's segments alone.
    ProjectSession &store = m_window->store();
    Actor kim;
    kim.name = QStringLiteral("Kim Jong Un");
    kim.kind = QStringLiteral("person");
    Actor moscow;
    moscow.name = QStringLiteral("Moscow");
    moscow.kind = QStringLiteral("place");
    const qint64 kimId = store.actors().add(kim);
    const qint64 moscowId = store.actors().add(moscow);
    const auto person = store.codebook().codeByName(QStringLiteral("Person"));
    QVERIFY(person);
    const qint64 article = reader()->articleId();
    store.annotations().add({article, 0, 3, {person->id}, kMe, {}, kimId});
    store.annotations().add({article, 4, 8, {person->id}, kOther, {}, moscowId});

    m_window->codeMatrixDock()->show();
    CodeMatrixPanel *matrix = m_window->codeMatrixPanel();
    matrix->dimensionBox()->setCurrentText(QStringLiteral("Codes by coder"));
    QTableWidget *table = matrix->table();
    QCOMPARE(table->columnCount(), 2); // both coders
    m_window->networkDock()->show();
    NetworkPanel *network = m_window->networkPanel();
    auto mentions = [&](qint64 actor) {
        for (const ActorNetwork::Node &n : network->network().nodes)
            if (n.actorId == actor)
                return n.mentions;
        return -1;
    };
    QCOMPARE(mentions(kimId), 1);
    QCOMPARE(mentions(moscowId), 1);

    QVERIFY(coders()->setBlindCoding(true));
    QCOMPARE(table->columnCount(), 1);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), kMe);
    QCOMPARE(table->rowCount(), 1); // Person only: the other coder's claim is not counted
    QVERIFY(matrix->statusLabel()->text().contains(QLatin1String("blind coding")));
    QCOMPARE(mentions(kimId), 1);
    QCOMPARE(mentions(moscowId), 0);
    QVERIFY(network->statusLabel()->text().contains(QLatin1String("blind coding")));
    // The other coder, blind, sees the other half.
    QVERIFY(m_window->setCoder(kOther));
    QCOMPARE(table->horizontalHeaderItem(0)->text(), kOther);
    QCOMPARE(mentions(kimId), 0);
    QCOMPARE(mentions(moscowId), 1);
    QVERIFY(coders()->setBlindCoding(false));
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(mentions(moscowId), 1);
    QCOMPARE(mentions(kimId), 1);
}

QTEST_MAIN(TestCodersUi)
#include "tst_ui_coders.moc"
