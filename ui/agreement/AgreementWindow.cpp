#include "AgreementWindow.h"

#include "AdjudicationPanel.h"
#include "AgreementResultModel.h"
#include "base/ProjectError.h"
#include "reliability/AgreementReport.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
enum class Choice
{
    AllCodes,
    Category,
    Code
};
} // namespace

AgreementWindow::AgreementWindow(ProjectSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Inter-coder Agreement"));
    setObjectName(QStringLiteral("agreementWindow"));

    m_coders = new QListWidget(this);
    m_coders->setObjectName(QStringLiteral("agreementCoders"));
    m_codes = new QComboBox(this);
    m_codes->setObjectName(QStringLiteral("agreementCodes"));
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("agreementUnit"));
    m_unit->addItem(tr("Article"), int(AgreementUnit::Document));
    m_unit->addItem(tr("Paragraph"), int(AgreementUnit::Paragraph));
    m_unit->addItem(tr("Sentence"), int(AgreementUnit::Sentence));
    m_unit->addItem(tr("Span continuum (alpha_U)"), int(AgreementUnit::Span));
    m_measures = new QListWidget(this);
    m_measures->setObjectName(QStringLiteral("agreementMeasures"));
    const QList<AgreementMeasure> defaults
        = ProjectAgreement::defaultMeasures(AgreementUnit::Document);
    for (AgreementMeasure m : AgreementMeasures::all()) {
        auto *item = new QListWidgetItem(AgreementMeasures::title(m), m_measures);
        item->setData(Qt::UserRole, int(m));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(defaults.contains(m) || m == AgreementMeasure::AlphaU ? Qt::Checked
                                                                                  : Qt::Unchecked);
    }
    m_bootstrap = new QSpinBox(this);
    m_bootstrap->setObjectName(QStringLiteral("agreementBootstrap"));
    m_bootstrap->setRange(0, 100000);
    m_bootstrap->setValue(1000);
    m_bootstrap->setSpecialValueText(tr("none"));
    m_bootstrap->setSuffix(tr(" replicates"));
    auto *computeButton = new QPushButton(tr("&Compute"), this);
    computeButton->setObjectName(QStringLiteral("agreementCompute"));
    computeButton->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Coders:"), m_coders);
    form->addRow(tr("Codes:"), m_codes);
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(tr("Measures:"), m_measures);
    form->addRow(tr("Bootstrap:"), m_bootstrap);
    form->addRow(QString(), computeButton);
    auto *left = new QWidget(this);
    left->setLayout(form);

    m_model = new AgreementResultModel(this);
    m_resultView = new QTableView(this);
    m_resultView->setObjectName(QStringLiteral("agreementResults"));
    m_resultView->setModel(m_model);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->horizontalHeader()->setStretchLastSection(true);
    m_resultView->verticalHeader()->hide();
    m_methods = new QPlainTextEdit(this);
    m_methods->setObjectName(QStringLiteral("agreementMethods"));
    m_methods->setReadOnly(true);
    m_methods->setPlaceholderText(tr("Methods text appears here after computing."));
    m_disagreements = new QTableWidget(this);
    m_disagreements->setObjectName(QStringLiteral("agreementDisagreements"));
    m_disagreements->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disagreements->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Adjudication settles one row at a time.
    m_disagreements->setSelectionMode(QAbstractItemView::SingleSelection);
    m_disagreements->verticalHeader()->hide();
    m_disagreements->horizontalHeader()->setStretchLastSection(true);
    auto *exportButton = new QPushButton(tr("Export &CSV…"), this);
    exportButton->setObjectName(QStringLiteral("agreementExportCsv"));
    auto *copyButton = new QPushButton(tr("Copy &Methods Text"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("agreementStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(copyButton);
    buttons->addWidget(exportButton);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_resultView);
    right->addWidget(m_methods);
    auto *disagreementBox = new QWidget(this);
    auto *dl = new QVBoxLayout(disagreementBox);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(new QLabel(
        tr("Where the coders differ (select a result; double-click to open it in the reader):"),
        this));
    dl->addWidget(m_disagreements);
    m_adjudication = new AdjudicationPanel(m_session, m_disagreements, this);
    dl->addWidget(m_adjudication);
    right->addWidget(disagreementBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 2);
    auto *rightBox = new QWidget(this);
    auto *rl = new QVBoxLayout(rightBox);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(right, 1);
    rl->addLayout(buttons);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(rightBox);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1100, 700);

    connect(computeButton, &QPushButton::clicked, this, [this] { compute(); });
    connect(exportButton, &QPushButton::clicked, this, &AgreementWindow::exportCsvDialog);
    connect(copyButton, &QPushButton::clicked, m_methods, [this] {
        m_methods->selectAll();
        m_methods->copy();
    });
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDisagreements(current.row()); });
    connect(m_disagreements, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QTableWidgetItem *item = m_disagreements->item(row, 0);
        if (!item)
            return;
        const QList<QVariant> where = item->data(Qt::UserRole).toList();
        Q_EMIT openSpan(where.value(0).toLongLong(), where.value(1).toLongLong(),
                        where.value(2).toLongLong());
    });
    connect(m_adjudication, &AdjudicationPanel::editRequested, this,
            &AgreementWindow::editAsConsensus);
    reload();
}

AgreementWindow::~AgreementWindow() = default;

void AgreementWindow::setUndoStack(QUndoStack *stack)
{
    m_adjudication->setUndoStack(stack);
}

void AgreementWindow::reload()
{
    QSet<qint64> active;
    for (const Annotation &a : m_session.annotations().all())
        active.insert(a.coderId);
    m_coders->clear();
    // The consensus coder is the adjudicators' answer, not one of the coders.
    const QString consensus = m_adjudication->consensusEdit()->text().trimmed();
    for (const Coder &c : m_session.coders().all()) {
        auto *item = new QListWidgetItem(c.name, m_coders);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(active.contains(c.id) && c.name != consensus ? Qt::Checked
                                                                         : Qt::Unchecked);
    }
    m_codes->clear();
    m_codes->addItem(tr("Every code used"), QString());
    m_codes->setItemData(0, int(Choice::AllCodes), kKindRole);
    for (const Category &c : m_session.codebook().categories()) {
        m_codes->addItem(tr("Category: %1").arg(c.name), c.name);
        m_codes->setItemData(m_codes->count() - 1, int(Choice::Category), kKindRole);
    }
    for (const Code &c : m_session.codebook().codes()) {
        m_codes->addItem(tr("Code: %1").arg(c.name), c.name);
        m_codes->setItemData(m_codes->count() - 1, int(Choice::Code), kKindRole);
    }
}

AgreementRequest AgreementWindow::request() const
{
    AgreementRequest r;
    for (int i = 0; i < m_coders->count(); ++i)
        if (m_coders->item(i)->checkState() == Qt::Checked)
            r.coders.append(m_coders->item(i)->text());
    const auto choice = Choice(m_codes->currentData(kKindRole).toInt());
    if (choice == Choice::Category)
        r.category = m_codes->currentData().toString();
    else if (choice == Choice::Code)
        r.codes = {m_codes->currentData().toString()};
    r.unit = AgreementUnit(m_unit->currentData().toInt());
    for (int i = 0; i < m_measures->count(); ++i)
        if (m_measures->item(i)->checkState() == Qt::Checked)
            r.measures.append(AgreementMeasure(m_measures->item(i)->data(Qt::UserRole).toInt()));
    r.options.bootstrap = m_bootstrap->value();
    return r;
}

bool AgreementWindow::compute()
{
    const AgreementRequest r = request();
    if (r.coders.size() < 2) {
        m_status->setText(tr("Choose at least two coders."));
        return false;
    }
    if (r.measures.isEmpty()) {
        m_status->setText(tr("Choose at least one measure."));
        return false;
    }
    try {
        m_agreement = std::make_unique<ProjectAgreement>(m_session, m_session.path());
        m_lastRequest = r;
        m_lastCoders = m_agreement->coders(r.coders);
        m_lastSubjects = m_agreement->subjects(r, m_lastCoders);
        const QList<AgreementRow> rows = m_agreement->run(r);
        m_model->setRows(rows);
        m_methods->setPlainText(AgreementReport::methods(rows, r.options.bootstrap));
        m_resultView->resizeColumnsToContents();
        m_status->setText(tr("%n figure(s)", nullptr, int(rows.size())));
        m_disagreements->clear();
        m_disagreements->setRowCount(0);
        m_adjudication->clear();
        if (!rows.isEmpty())
            m_resultView->selectRow(0);
        return true;
    } catch (const ProjectError &e) {
        m_status->setText(e.message());
        return false;
    }
}

void AgreementWindow::showDisagreements(int resultRow)
{
    m_disagreements->clear();
    m_disagreements->setRowCount(0);
    m_adjudication->clear();
    if (!m_agreement || resultRow < 0 || resultRow >= m_model->rows().size())
        return;
    const AgreementRow &row = m_model->rows()[resultRow];
    const auto subject
        = std::find_if(m_lastSubjects.begin(), m_lastSubjects.end(),
                       [&](const ProjectAgreement::Subject &s) { return s.name == row.code; });
    if (subject == m_lastSubjects.end())
        return;
    const QList<ProjectAgreement::Disagreement> list
        = m_agreement->disagreements(*subject, row.unit, m_lastCoders);
    QStringList headers {tr("Article"), tr("Text")};
    for (const Coder &c : m_lastCoders)
        headers.append(c.name);
    headers.append(tr("Consensus"));
    m_disagreements->setColumnCount(int(headers.size()));
    m_disagreements->setHorizontalHeaderLabels(headers);
    m_disagreements->setRowCount(int(list.size()));
    QList<Adjudication::Place> places;
    for (int i = 0; i < list.size(); ++i) {
        const ProjectAgreement::Disagreement &d = list[i];
        places.append(Adjudication::place(d, *subject, row.unit));
        const auto article = m_session.articles().get(d.articleId);
        QString excerpt;
        if (article) {
            const TextOffsets offsets(article->text);
            const qint64 end
                = d.end > d.start ? d.end : qMin<qint64>(offsets.codePointCount(), 120);
            const qsizetype from = offsets.toUtf16(d.start), to = offsets.toUtf16(end);
            excerpt = article->text.mid(from, to - from).simplified();
        }
        auto *first = new QTableWidgetItem(article ? article->title : QString::number(d.articleId));
        first->setData(Qt::UserRole, QVariantList {d.articleId, d.start, d.end});
        m_disagreements->setItem(i, 0, first);
        m_disagreements->setItem(i, 1, new QTableWidgetItem(excerpt));
        for (int c = 0; c < d.values.size(); ++c)
            m_disagreements->setItem(
                i, 2 + c, new QTableWidgetItem(d.values[c].isEmpty() ? tr("—") : d.values[c]));
    }
    m_adjudication->setPlaces(places, m_lastCoders);
    m_disagreements->resizeColumnsToContents();
    // Long titles and whole sentences would push the coders' columns out of sight.
    m_disagreements->setColumnWidth(0, std::min(m_disagreements->columnWidth(0), 200));
    m_disagreements->setColumnWidth(1, std::min(m_disagreements->columnWidth(1), 320));
}

bool AgreementWindow::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_status->setText(tr("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    file.write(AgreementReport::csv(m_model->rows()).toUtf8());
    if (!file.commit()) {
        m_status->setText(tr("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Saved %1").arg(path));
    return true;
}

void AgreementWindow::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Agreement"), QStringLiteral("agreement.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}
