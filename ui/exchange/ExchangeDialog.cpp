#include "exchange/ExchangeDialog.h"

#include "base/ProjectError.h"
#include "exchange/ExchangeFormat.h"
#include "store/ProjectSession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ExchangeDialog::ExchangeDialog(ProjectSession &session, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
{
    setWindowTitle(mode == Mode::Import ? tr("Import Coded Data") : tr("Export"));
    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    if (mode == Mode::Import)
        m_format->addItem(tr("Recognise from the files"), QStringLiteral("auto"));
    const QStringList names
        = mode == Mode::Import ? ExchangeFormat::importNames() : ExchangeFormat::exportNames();
    for (const QString &name : names)
        m_format->addItem(ExchangeFormat::title(*ExchangeFormat::fromName(name)), name);
    form->addRow(tr("&Format:"), m_format);
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    form->addRow(mode == Mode::Import ? tr("F&iles:") : tr("&Save to:"), pathRow);
    connect(browse, &QPushButton::clicked, this, &ExchangeDialog::browse);
    connect(m_path, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_paths = {text}; });
    if (mode == Mode::Import) {
        m_coder = new QLineEdit(this);
        m_coder->setPlaceholderText(tr("as in the file, else you"));
        form->addRow(tr("&Coder:"), m_coder);
    } else {
        m_bom = new QCheckBox(tr("Begin CSV with a byte order mark (for spreadsheets)"), this);
        form->addRow(QString(), m_bom);
    }
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_report = new QPlainTextEdit(this);
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(
        tr("The report appears here: what was added, kept, skipped and converted."));
    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(mode == Mode::Import ? tr("&Import") : tr("&Export"),
                               QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running)
            m_cancelRequested = true;
        else
            reject();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_report);
    layout->addWidget(buttons);
    resize(560, 420);
}

QString ExchangeDialog::formatName() const
{
    return m_format->currentData().toString();
}

void ExchangeDialog::setFormat(const QString &name)
{
    const int i = m_format->findData(name);
    if (i >= 0)
        m_format->setCurrentIndex(i);
}

void ExchangeDialog::setPaths(const QStringList &paths)
{
    m_paths = paths;
    m_path->setText(paths.join(QStringLiteral("; ")));
}

void ExchangeDialog::setCoder(const QString &coder)
{
    if (m_coder)
        m_coder->setText(coder);
}

void ExchangeDialog::browse()
{
    const QString format = formatName();
    const auto f = ExchangeFormat::fromName(format);
    if (m_mode == Mode::Export) {
        const QString path = f && ExchangeFormat::writesFolder(*f)
            ? QFileDialog::getExistingDirectory(this, tr("Export to Folder"))
            : QFileDialog::getSaveFileName(this, tr("Export"), QString(),
                                           f ? ExchangeFormat::title(*f) : QString());
        if (!path.isEmpty())
            setPaths({path});
    } else if (f == ExchangeFormat::Format::Ptc) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("PTC Folder"));
        if (!dir.isEmpty())
            setPaths({dir});
    } else {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Coded Data"));
        if (!files.isEmpty())
            setPaths(files);
    }
}

ExchangeReport ExchangeDialog::run()
{
    ExchangeReport report;
    m_report->clear();
    if (m_paths.isEmpty() || m_paths.constFirst().trimmed().isEmpty()) {
        m_report->setPlainText(tr("Choose the files first."));
        return report;
    }
    QString format = formatName();
    if (format == QLatin1String("auto")) {
        const auto found = ExchangeFormat::detect(m_paths.constFirst());
        if (!found) {
            m_report->setPlainText(
                tr("%1: not a format Framewise exchanges (PTC, REFI-QDA, W3C, CSV, JSONL); "
                   "choose the format, or use Import Files for articles.")
                    .arg(m_paths.constFirst()));
            return report;
        }
        format = ExchangeFormat::name(*found);
    }
    ExchangeOptions options;
    if (m_coder)
        options.coder = m_coder->text().trimmed();
    if (m_bom)
        options.byteOrderMark = m_bom->isChecked();
    options.progress = [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(qMin(done, qMax(1, total)));
        QCoreApplication::processEvents();
        return !m_cancelRequested;
    };
    m_running = true;
    m_cancelRequested = false;
    m_run->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    try {
        const auto f = *ExchangeFormat::fromName(format);
        report = m_mode == Mode::Import
            ? ExchangeFormat::importPaths(m_session, f, m_paths, options)
            : ExchangeFormat::exportTo(m_session, f, m_paths.constFirst(), options);
        QString text = report.text();
        if (m_mode == Mode::Export)
            text += tr("offsets: %1\n").arg(ExchangeFormat::unit(f));
        m_report->setPlainText(text);
    } catch (const ProjectError &e) {
        m_report->setPlainText(tr("Nothing was changed.\n%1").arg(e.message()));
    }
    m_running = false;
    m_run->setEnabled(true);
    m_cancel->setText(tr("Close"));
    m_progress->setValue(m_progress->maximum());
    return report;
}

QString ExchangeDialog::reportText() const
{
    return m_report->toPlainText();
}
