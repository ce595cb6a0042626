#include "console/SqlConsole.h"

#include "console/QueryHistory.h"
#include "console/QueryResultModel.h"
#include "shell/SyntaxRepository.h"
#include "query/QueryResultWriter.h"
#include "query/QueryRunner.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

SqlConsole::SqlConsole(const QString &projectPath, QWidget *parent)
    : QWidget(parent)
    , m_runner(new QueryRunner(projectPath, 100000, this))
    , m_history(std::make_unique<QueryHistory>())
{
    setObjectName(QStringLiteral("sqlConsole"));

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("SELECT code, count(*) FROM segments GROUP BY code ORDER BY 2 DESC;"
                                    "   — Ctrl+Enter runs; see docs/queries.md for the views"));
    m_editor->setTabChangesFocus(true);
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_editor->document());
    m_highlighter->setTheme(SyntaxRepository::instance().themeForPalette(palette()));
    loadDefinition();
    // The lens reloads the shared repository after each lexicon edit, which
    // destroys the SQL definition the highlighter holds.
    connect(&SyntaxRepository::instance(), &KSyntaxHighlighting::Repository::reloaded, this,
            &SqlConsole::loadDefinition);

    m_historyBox = new QComboBox(this);
    m_historyBox->setObjectName(QStringLiteral("sqlHistory"));
    m_historyBox->setToolTip(tr("Past queries"));
    m_historyBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyBox->setMinimumContentsLength(24);
    fillHistory();
    connect(m_historyBox, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            m_editor->setPlainText(m_historyBox->itemData(index).toString());
    });

    m_runButton = new QPushButton(tr("Run"), this);
    m_runButton->setObjectName(QStringLiteral("sqlRun"));
    m_runButton->setToolTip(tr("Run the query (Ctrl+Enter)"));
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("sqlCancel"));
    m_copyButton = new QPushButton(tr("Copy"), this);
    m_copyButton->setToolTip(tr("Copy the selected cells, or all rows, as tab-separated text"));
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(m_runButton, &QPushButton::clicked, this, &SqlConsole::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &SqlConsole::cancel);
    connect(m_copyButton, &QPushButton::clicked, this, &SqlConsole::copy);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Query Result"), QStringLiteral("query.csv"),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_editor, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &SqlConsole::run);
    }

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sqlStatus"));
    m_status->setTextFormat(Qt::PlainText); // SQLite's messages quote the user's SQL
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new QueryResultModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("sqlResults"));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_historyBox, 1);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_exportButton);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_editor, 1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_status);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_runner, &QueryRunner::finished, this, &SqlConsole::showResult);
    setBusy(false);
}

SqlConsole::~SqlConsole() = default;

void SqlConsole::loadDefinition()
{
    m_highlighter->setDefinition(
        SyntaxRepository::instance().definitionForName(QStringLiteral("SQL")));
}

void SqlConsole::setThemeName(const QString &name)
{
    const KSyntaxHighlighting::Repository &repository = SyntaxRepository::instance();
    KSyntaxHighlighting::Theme theme = repository.theme(name);
    if (!theme.isValid())
        theme = repository.themeForPalette(palette());
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
}

void SqlConsole::setQuery(const QString &sql)
{
    m_editor->setPlainText(sql);
}

bool SqlConsole::isRunning() const
{
    return m_runner->isRunning();
}

void SqlConsole::run()
{
    const QString sql = m_editor->toPlainText().trimmed();
    if (sql.isEmpty() || m_runner->isRunning())
        return;
    m_history->add(sql);
    fillHistory();
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Running…"));
    m_runner->run(sql);
}

void SqlConsole::cancel()
{
    if (m_runner->isRunning()) {
        m_status->setText(tr("Cancelling…"));
        m_runner->cancel();
    }
}

void SqlConsole::setBusy(bool busy)
{
    m_runButton->setEnabled(!busy);
    m_cancelButton->setEnabled(busy);
}

void SqlConsole::showResult(const QueryResult &result)
{
    setBusy(false);
    const bool refused = result.status == QueryResult::Status::Refused;
    const bool failed = result.status == QueryResult::Status::Failed;
    if (result.ok()) {
        m_model->setResult(result);
        m_view->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_view->setColumnWidth(c, std::min(m_view->columnWidth(c), 360));
        QString text = tr("%n row(s) in %1 ms", nullptr, int(result.rows.size())).arg(result.elapsedMs);
        if (result.truncated)
            text += QStringLiteral(" — ") + tr("only the first %1 rows are shown").arg(result.rows.size());
        m_status->setStyleSheet(QString());
        m_status->setText(text);
    } else {
        QString prefix = refused ? tr("Refused: ") : failed ? tr("Error: ") : QString();
        m_status->setStyleSheet(refused || failed ? QStringLiteral("QLabel { color: #b3261e; font-weight: 600; }")
                                                  : QString());
        m_status->setText(prefix + result.message);
    }
    Q_EMIT queryFinished(result);
}

void SqlConsole::fillHistory()
{
    m_historyBox->clear();
    m_historyBox->addItem(tr("History"));
    for (const QString &sql : m_history->entries())
        m_historyBox->addItem(sql.simplified().left(120), sql);
}

void SqlConsole::copy()
{
    const QueryResult &all = m_model->result();
    QueryResult part;
    const QModelIndexList selected = m_view->selectionModel() ? m_view->selectionModel()->selectedIndexes()
                                                              : QModelIndexList();
    if (selected.isEmpty()) {
        part = all;
    } else {
        // The bounding rows and columns of the selection, in view order.
        std::map<int, std::map<int, QVariant>> cells;
        QList<int> columns;
        for (const QModelIndex &i : selected) {
            cells[i.row()][i.column()] = all.rows.at(i.row()).value(i.column());
            if (!columns.contains(i.column()))
                columns.append(i.column());
        }
        std::sort(columns.begin(), columns.end());
        for (int c : columns)
            part.columns.append(all.columns.value(c));
        for (const auto &[row, values] : cells) {
            QVariantList line;
            for (int c : columns)
                line.append(values.count(c) ? values.at(c) : QVariant());
            part.rows.append(line);
        }
    }
    QApplication::clipboard()->setText(QString::fromUtf8(QueryResultWriter::toTsv(part)));
}

bool SqlConsole::exportCsv(const QString &path)
{
    QSaveFile file(path);
    const QByteArray data = QueryResultWriter::toCsv(m_model->result());
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_status->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Exported %n row(s) to %1", nullptr, int(m_model->rowCount())).arg(path));
    return true;
}
