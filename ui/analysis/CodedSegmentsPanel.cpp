#include "CodedSegmentsPanel.h"

#include "analysis/AnalysisTable.h"
#include "analysis/SegmentQueryParser.h"
#include "commands/SetSavedQueryCommand.h"
#include "query/QueryResultWriter.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
enum Column
{
    ArticleColumn,
    CodesColumn,
    CoderColumn,
    SegmentColumn,
    ColumnCount
};

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

// Runs a step that parses or checks a query; a failure is shown in status
// (a query error also puts the cursor where it is) and gives false.
template<typename Step>
bool reportingQueryErrors(QLineEdit *edit, QLabel *status, Step step)
{
    try {
        step();
        return true;
    } catch (const SegmentQueryError &e) {
        status->setText(e.message());
        edit->setCursorPosition(e.position());
        edit->setFocus(Qt::OtherFocusReason);
    } catch (const ProjectError &e) {
        status->setText(e.message());
    }
    return false;
}
} // namespace

CodedSegmentsPanel::CodedSegmentsPanel(ProjectSession &store, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_undo(undo)
{
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("segmentQuery"));
    m_edit->setPlaceholderText(
        tr("e.g. \"Loaded language\" OVERLAPS Actor:Kim Jong Un AND coder:alice"));
    m_edit->setClearButtonEnabled(true);
    auto *find = new QPushButton(tr("&Find"), this);
    m_export = new QToolButton(this);
    m_export->setText(tr("&Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("CSV…"), this, [this] { chooseExport(ExportFormat::Csv); });
    menu->addAction(tr("JSON Lines…"), this, [this] { chooseExport(ExportFormat::JsonLines); });
    menu->addAction(tr("HTML…"), this, [this] { chooseExport(ExportFormat::Html); });
    m_export->setMenu(menu);
    m_export->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("savedQueries"));
    m_saved->setPlaceholderText(tr("Saved queries"));
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_saved->setMinimumContentsLength(16);
    m_saveQuery = new QPushButton(tr("&Save Query…"), this);
    m_deleteQuery = new QToolButton(this);
    m_deleteQuery->setText(tr("Delete"));
    m_deleteQuery->setToolTip(tr("Delete the chosen saved query"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels(
        {tr("Article"), tr("Codes"), tr("Coder"), tr("Segment in context")});
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_edit, 1);
    top->addWidget(find);
    top->addWidget(m_export);
    auto *saved = new QHBoxLayout;
    saved->addWidget(m_saved);
    saved->addWidget(m_saveQuery);
    saved->addWidget(m_deleteQuery);
    saved->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(saved);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(m_edit, &QLineEdit::returnPressed, this, &CodedSegmentsPanel::run);
    connect(find, &QPushButton::clicked, this, &CodedSegmentsPanel::run);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    connect(m_saved, &QComboBox::activated, this,
            [this](int index) { runSavedQuery(m_saved->itemText(index)); });
    connect(m_saved, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_deleteQuery->setEnabled(index >= 0 && !m_session.isReadOnly());
    });
    connect(m_saveQuery, &QPushButton::clicked, this, &CodedSegmentsPanel::chooseSaveName);
    connect(m_deleteQuery, &QToolButton::clicked, this, [this] {
        if (m_saved->currentIndex() >= 0)
            deleteSavedQuery(m_saved->currentText());
    });
    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.settings().contains(QLatin1String(SavedQueryRepository::changeKey)))
            reloadSavedQueries();
    });
    m_saveQuery->setEnabled(!m_session.isReadOnly());
    reloadSavedQueries();
}

void CodedSegmentsPanel::reloadSavedQueries()
{
    const QString current = m_saved->currentText();
    m_saved->clear();
    for (const SavedQuery &q : SavedQueryRepository(m_session.database()).all()) {
        m_saved->addItem(q.name, q.text);
        m_saved->setItemData(m_saved->count() - 1, q.text, Qt::ToolTipRole);
    }
    m_saved->setCurrentIndex(m_saved->findText(current));
    m_deleteQuery->setEnabled(m_saved->currentIndex() >= 0 && !m_session.isReadOnly());
}

bool CodedSegmentsPanel::push(StoreCommand *command)
{
    m_failed = false;
    m_undo->push(command); // runs redo(); a refused command is dropped
    return !m_failed;
}

bool CodedSegmentsPanel::saveQuery(const QString &name)
{
    const QString trimmed = name.trimmed();
    const QString text = m_edit->text();
    if (trimmed.isEmpty()) {
        m_status->setText(tr("A saved query needs a name."));
        return false;
    }
    // Only a query that runs is kept: it parses, leads back to no saved
    // query it is part of, and names what the project has.
    if (!reportingQueryErrors(m_edit, m_status, [&] {
            const SegmentQuery query = SegmentQueryParser::parse(
                text, SavedQueryRepository(m_session.database()).lookup(), trimmed);
            AnalysisRepository(m_session.database()).check(query);
        }))
        return false;
    if (!push(new SetSavedQueryCommand(m_session, trimmed, text, [this](const QString &message) {
            m_failed = true;
            m_status->setText(message);
        })))
        return false;
    m_saved->setCurrentIndex(m_saved->findText(trimmed));
    m_status->setText(tr("Saved as “%1”; use it in other queries as set:%1").arg(trimmed));
    return true;
}

bool CodedSegmentsPanel::runSavedQuery(const QString &name)
{
    const auto text = SavedQueryRepository(m_session.database()).text(name);
    if (!text) {
        m_status->setText(tr("No saved query “%1”").arg(name));
        return false;
    }
    m_saved->setCurrentIndex(m_saved->findText(name));
    m_edit->setText(*text);
    return run();
}

bool CodedSegmentsPanel::deleteSavedQuery(const QString &name)
{
    if (!push(
            new SetSavedQueryCommand(m_session, name, std::nullopt, [this](const QString &message) {
                m_failed = true;
                m_status->setText(message);
            })))
        return false;
    m_status->setText(tr("Deleted the saved query “%1”").arg(name));
    return true;
}

void CodedSegmentsPanel::chooseSaveName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Query"), tr("Save the query as:"),
                                               QLineEdit::Normal, m_saved->currentText(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    const auto before = SavedQueryRepository(m_session.database()).text(name);
    if (before && *before != m_edit->text()) {
        QMessageBox ask(QMessageBox::Question, tr("Save Query"),
                        tr("Replace the saved query “%1”?\n\n%2").arg(name, *before),
                        QMessageBox::Yes | QMessageBox::No, this);
        ask.setTextFormat(Qt::PlainText); // queries hold quotes and angle brackets
        if (ask.exec() != QMessageBox::Yes)
            return;
    }
    saveQuery(name);
}

bool CodedSegmentsPanel::run()
{
    const QString text = m_edit->text();
    m_model->removeRows(0, m_model->rowCount());
    m_results.clear();
    m_export->setEnabled(false);
    int total = 0;
    m_ran = true;
    const bool blind = m_visibility.isBlind();
    if (!reportingQueryErrors(m_edit, m_status, [&] {
            const SegmentQuery query = m_visibility.restricted(
                SegmentQueryParser::parse(text, SavedQueryRepository(m_session.database()).lookup()));
            // Blind, a coder who has coded nothing yet has no segments (and the
            // store knows no coder by that name to filter on).
            if (!blind || m_session.coders().byName(m_visibility.currentCoder())) {
                AnalysisRepository::Page page
                    = AnalysisRepository(m_session.database()).page(query, limit);
                m_results = std::move(page.segments);
                total = page.total;
            }
        }))
        return false;
    for (const CodedSegment &s : std::as_const(m_results)) {
        auto *article = new QStandardItem(s.articleTitle);
        article->setToolTip(
            QStringLiteral("%1 · %2 · %3–%4").arg(s.outlet, s.published).arg(s.start).arg(s.end));
        auto *segment
            = new QStandardItem(QStringLiteral("…%1【%2】%3…").arg(s.prefix, s.quote, s.suffix));
        segment->setToolTip(s.note.isEmpty() ? s.quote : s.quote + QStringLiteral("\n\n") + s.note);
        m_model->appendRow({article, new QStandardItem(s.codes.join(QStringLiteral("; "))),
                            new QStandardItem(s.coder), segment});
    }
    QString status = total == m_results.size()
        ? (total == 1 ? tr("1 segment") : tr("%1 segments").arg(total))
        : tr("%1 segments; the first %2 are listed").arg(total).arg(m_results.size());
    if (blind)
        status += tr(" (blind coding: only %1's)").arg(m_visibility.currentCoder());
    m_status->setText(status);
    m_export->setEnabled(!m_results.isEmpty());
    return true;
}

void CodedSegmentsPanel::setVisibility(const AnnotationVisibility &visibility)
{
    const bool changed = !visibility.narrowsLike(m_visibility);
    m_visibility = visibility;
    if (changed && m_ran)
        run();
}

void CodedSegmentsPanel::activate(int row)
{
    if (row < 0 || row >= m_results.size())
        return;
    const CodedSegment &s = m_results.at(row);
    Q_EMIT segmentActivated(s.articleId, s.start, s.end);
}

QByteArray CodedSegmentsPanel::exported(const QList<CodedSegment> &segments, ExportFormat format)
{
    const QueryResult table = AnalysisTable::segments(segments);
    switch (format) {
    case ExportFormat::Csv:
        return QueryResultWriter::toCsv(table);
    case ExportFormat::JsonLines: {
        QByteArray out;
        for (const QVariantList &row : table.rows) {
            QJsonObject object;
            for (qsizetype i = 0; i < table.columns.size(); ++i)
                object.insert(table.columns.at(i), QJsonValue::fromVariant(row.at(i)));
            out += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        return out;
    }
    case ExportFormat::Html: {
        QString out = QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Coded segments</title>"
            "<style>td{vertical-align:top;border-bottom:1px solid #ccc;padding:4px}"
            ".ctx{color:#777}</style></head><body>\n<table>\n"
            "<tr><th>Article</th><th>Codes</th><th>Coder</th><th>Segment</th></tr>\n");
        for (const CodedSegment &s : segments) {
            out += QStringLiteral(
                       "<tr><td>%1<br><small>%2 %3, %4–%5</small></td><td>%6</td><td>%7</td>"
                       "<td><span class=\"ctx\">…%8</span><b>%9</b>")
                       .arg(html(s.articleTitle), html(s.outlet), html(s.published))
                       .arg(s.start)
                       .arg(s.end)
                       .arg(html(s.codes.join(QStringLiteral("; "))), html(s.coder), html(s.prefix),
                            html(s.quote));
            out += QStringLiteral("<span class=\"ctx\">%1…</span></td></tr>\n").arg(html(s.suffix));
        }
        out += QStringLiteral("</table>\n</body></html>\n");
        return out.toUtf8();
    }
    }
    return {};
}

bool CodedSegmentsPanel::exportTo(const QString &path, ExportFormat format)
{
    QSaveFile file(path);
    const QByteArray bytes = exported(m_results, format);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_status->setText(tr("%1: cannot write (%2)").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(m_results.size() == 1
                          ? tr("1 segment exported to %1").arg(path)
                          : tr("%1 segments exported to %2").arg(m_results.size()).arg(path));
    return true;
}

void CodedSegmentsPanel::chooseExport(ExportFormat format)
{
    const QString filter = format == ExportFormat::Csv ? tr("CSV (*.csv)")
        : format == ExportFormat::JsonLines            ? tr("JSON Lines (*.jsonl)")
                                                       : tr("HTML (*.html)");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Segments"), QString(), filter);
    if (!path.isEmpty())
        exportTo(path, format);
}
