#include "GoldComparisonWindow.h"

#include "GoldResultModel.h"
#include "base/ProjectError.h"
#include "reader/GoldOverlay.h"
#include "reader/ReaderView.h"
#include "reliability/GoldReport.h"
#include "store/ProjectSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

GoldComparisonWindow::GoldComparisonWindow(ProjectSession &session, ReaderView *reader,
                                           QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_reader(reader)
{
    setWindowTitle(tr("Compare with Gold"));
    setObjectName(QStringLiteral("goldWindow"));

    m_gold = new QComboBox(this);
    m_gold->setObjectName(QStringLiteral("goldCoder"));
    m_students = new QListWidget(this);
    m_students->setObjectName(QStringLiteral("goldStudents"));
    auto *computeButton = new QPushButton(tr("&Compare"), this);
    computeButton->setObjectName(QStringLiteral("goldCompute"));
    computeButton->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Gold standard:"), m_gold);
    form->addRow(tr("Students:"), m_students);
    form->addRow(QString(), computeButton);
    auto *left = new QWidget(this);
    left->setLayout(form);

    m_model = new GoldResultModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("goldResults"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();

    m_student = new QComboBox(this);
    m_student->setObjectName(QStringLiteral("goldStudent"));
    m_show = new QCheckBox(tr("&Show in reader against gold"), this);
    m_show->setObjectName(QStringLiteral("goldShowInReader"));
    m_show->setToolTip(tr("The reader shows this student's spans against the gold standard: "
                          "hits in a green wash, misses in a dashed red frame, false alarms "
                          "with an amber wavy line. The coders' own highlights step aside "
                          "until this is unticked or the window closes."));
    m_show->setEnabled(m_reader != nullptr);
    auto *csvButton = new QPushButton(tr("Export C&SV…"), this);
    csvButton->setObjectName(QStringLiteral("goldExportCsv"));
    auto *htmlButton = new QPushButton(tr("Export &HTML…"), this);
    htmlButton->setObjectName(QStringLiteral("goldExportHtml"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("goldStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *studentRow = new QHBoxLayout;
    studentRow->addWidget(new QLabel(tr("Student:"), this));
    studentRow->addWidget(m_student, 1);
    studentRow->addWidget(m_show);
    studentRow->addWidget(csvButton);
    studentRow->addWidget(htmlButton);
    auto *rightBox = new QWidget(this);
    auto *rl = new QVBoxLayout(rightBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_view, 1);
    rl->addLayout(studentRow);
    rl->addWidget(m_status);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(rightBox);
    split->setStretchFactor(1, 1);
    split->setSizes({250, 900});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1150, 520);

    if (m_reader)
        m_overlay = new GoldOverlay(m_reader);
    m_recompute = new QTimer(this);
    m_recompute->setSingleShot(true);
    m_recompute->setInterval(200);

    connect(computeButton, &QPushButton::clicked, this, [this] { compute(); });
    connect(m_gold, &QComboBox::currentTextChanged, this, [this] { goldChanged(); });
    connect(m_student, &QComboBox::currentTextChanged, this, [this] { updateOverlay(); });
    connect(m_show, &QCheckBox::toggled, this, [this](bool on) {
        if (on && m_results.isEmpty() && !compute()) {
            m_show->setChecked(false);
            return;
        }
        updateOverlay();
    });
    connect(csvButton, &QPushButton::clicked, this, [this] { exportDialog(false); });
    connect(htmlButton, &QPushButton::clicked, this, [this] { exportDialog(true); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_student->setCurrentText(m_model->entries()[current.row()].student);
            });
    connect(&m_session, &ProjectSession::changed, this, &GoldComparisonWindow::projectChanged);
    connect(m_recompute, &QTimer::timeout, this, [this] {
        if (!m_results.isEmpty())
            compute();
    });
    reload();
}

GoldComparisonWindow::~GoldComparisonWindow()
{
    // Gone already if the reader went first.
    if (m_overlay) {
        m_overlay->setActive(false); // the reader gets its highlights back
        delete m_overlay;
    }
}

GoldOverlay *GoldComparisonWindow::overlay() const
{
    return m_overlay;
}

void GoldComparisonWindow::reload()
{
    QSet<qint64> active;
    for (const AnnotationRepository::Place &a : m_session.annotations().places())
        active.insert(a.coderId);
    QHash<QString, Qt::CheckState> ticked;
    for (int i = 0; i < m_students->count(); ++i)
        ticked.insert(m_students->item(i)->text(), m_students->item(i)->checkState());
    const QString gold = m_gold->currentText();
    const QSignalBlocker block(m_gold);
    m_gold->clear();
    m_students->clear();
    for (const Coder &c : m_session.coders().all()) {
        m_gold->addItem(c.name);
        auto *item = new QListWidgetItem(c.name, m_students);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(
            ticked.value(c.name, active.contains(c.id) ? Qt::Checked : Qt::Unchecked));
    }
    if (!gold.isEmpty() && m_gold->findText(gold) >= 0)
        m_gold->setCurrentText(gold);
    goldChanged();
    if (!m_results.isEmpty())
        m_recompute->start(); // the coding may have changed meanwhile
}

void GoldComparisonWindow::goldChanged()
{
    // The gold coder is no student of their own; the coder who was gold
    // until now is a student again.
    const QString gold = m_gold->currentText();
    for (int i = 0; i < m_students->count(); ++i) {
        QListWidgetItem *item = m_students->item(i);
        const bool isGold = item->text() == gold;
        item->setFlags(isGold ? item->flags() & ~Qt::ItemIsEnabled
                              : item->flags() | Qt::ItemIsEnabled);
        if (isGold)
            item->setCheckState(Qt::Unchecked);
        else if (item->text() == m_previousGold)
            item->setCheckState(Qt::Checked);
    }
    m_previousGold = gold;
}

bool GoldComparisonWindow::compute()
{
    const QString gold = m_gold->currentText();
    if (gold.isEmpty()) {
        m_status->setText(tr("Choose the gold coder."));
        return false;
    }
    QStringList students;
    for (int i = 0; i < m_students->count(); ++i)
        if (m_students->item(i)->checkState() == Qt::Checked && m_students->item(i)->text() != gold)
            students.append(m_students->item(i)->text());
    if (students.isEmpty()) {
        m_status->setText(tr("Choose at least one student."));
        return false;
    }
    QHash<QString, Result> results;
    QList<GoldResultModel::Entry> entries;
    try {
        for (const QString &s : std::as_const(students)) {
            Result r;
            r.rows = GoldComparison::compare(m_session, m_session.path(), gold, s);
            r.spans = GoldComparison::classify(m_session, m_session.path(), gold, s);
            const GoldReport report(m_session, gold, s, r.rows, r.spans);
            for (const GoldComparison::Row &row : std::as_const(r.rows))
                entries.append({s, row, report.counts(row.code)});
            results.insert(s, r);
        }
    } catch (const ProjectError &e) {
        m_status->setText(e.message());
        return false;
    }
    m_results = results;
    m_computedGold = gold;
    m_model->setEntries(entries);
    m_view->resizeColumnsToContents();
    const QString current = m_student->currentText();
    {
        const QSignalBlocker block(m_student);
        m_student->clear();
        m_student->addItems(students);
        if (students.contains(current))
            m_student->setCurrentText(current);
    }
    m_status->setText(
        tr("%n student(s) compared with %1, the gold standard.", nullptr, int(students.size()))
            .arg(gold));
    updateOverlay();
    return true;
}

void GoldComparisonWindow::updateOverlay()
{
    if (!m_overlay)
        return;
    const auto result = m_results.constFind(m_student->currentText());
    if (!m_show->isChecked() || result == m_results.cend()) {
        m_overlay->setActive(false);
        return;
    }
    QHash<qint64, QString> names;
    for (const Code &c : m_session.codebook().codes())
        names.insert(c.id, c.name);
    QStringList coders;
    for (const Coder &c : m_session.coders().all())
        coders.append(c.name);
    m_overlay->setComparison(m_computedGold, result.key(), result->spans, names);
    m_overlay->setActive(true, coders);
}

void GoldComparisonWindow::projectChanged(const ChangeSet &changes)
{
    using A = ChangeSet::Aggregate;
    if (changes.touches(A::Coder) && isVisible())
        reload(); // showGoldComparison() reloads it when it comes back
    if (isVisible() && !m_results.isEmpty()
        && (changes.touches(A::Annotation) || changes.touches(A::Code)
            || changes.touches(A::Coder)))
        m_recompute->start();
}

void GoldComparisonWindow::hideEvent(QHideEvent *event)
{
    // The reader goes back to the coders' highlights with the window.
    m_show->setChecked(false);
    QDialog::hideEvent(event);
}

bool GoldComparisonWindow::save(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_status->setText(tr("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        m_status->setText(tr("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(path));
    return true;
}

bool GoldComparisonWindow::exportCsv(const QString &path)
{
    const auto r = m_results.constFind(m_student->currentText());
    if (r == m_results.cend()) {
        m_status->setText(tr("Compare first, then choose the student whose report to export."));
        return false;
    }
    return save(path, GoldReport(m_session, m_computedGold, r.key(), r->rows, r->spans).csv());
}

bool GoldComparisonWindow::exportHtml(const QString &path)
{
    const auto r = m_results.constFind(m_student->currentText());
    if (r == m_results.cend()) {
        m_status->setText(tr("Compare first, then choose the student whose report to export."));
        return false;
    }
    return save(path, GoldReport(m_session, m_computedGold, r.key(), r->rows, r->spans).html());
}

void GoldComparisonWindow::exportDialog(bool html)
{
    const QString name = QStringLiteral("%1-vs-%2.%3")
                             .arg(m_student->currentText(), m_computedGold,
                                  html ? QStringLiteral("html") : QStringLiteral("csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Export Report as HTML") : tr("Export Report as CSV"), name,
        html ? tr("HTML files (*.html)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (html)
        exportHtml(path);
    else
        exportCsv(path);
}
