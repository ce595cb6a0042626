#include "CodeMatrixPanel.h"

#include "analysis/AnalysisTable.h"
#include "analysis/SegmentQueryParser.h"
#include "base/ProjectError.h"
#include "store/AnalysisRepository.h"
#include "store/ProjectSession.h"
#include "store/SavedQueryRepository.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace {
// The dimension box: label and the dimension, or a co-occurrence unit.
struct Choice
{
    const char *label;
    AnalysisDimension dimension;
    int unit; // -1: a code matrix; else a CooccurrenceUnit
};
const Choice kChoices[] = {
    {"Codes by month", AnalysisDimension::Month, -1},
    {"Codes by week", AnalysisDimension::Week, -1},
    {"Codes by outlet", AnalysisDimension::Outlet, -1},
    {"Codes by day", AnalysisDimension::Day, -1},
    {"Codes by coder", AnalysisDimension::Coder, -1},
    {"Codes by actor", AnalysisDimension::Actor, -1},
    {"Co-occurrence in paragraphs", AnalysisDimension::None, int(CooccurrenceUnit::Paragraph)},
    {"Co-occurrence in sentences", AnalysisDimension::None, int(CooccurrenceUnit::Sentence)},
    {"Co-occurrence in articles", AnalysisDimension::None, int(CooccurrenceUnit::Article)},
    {"Co-occurrence of overlapping segments", AnalysisDimension::None,
     int(CooccurrenceUnit::Overlap)},
};

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// The Monday of an ISO week "2025-W19"; invalid for anything else.
QDate mondayOf(const QString &week)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{4})-W([0-9]{2})$"));
    const QRegularExpressionMatch m = pattern.match(week);
    if (!m.hasMatch())
        return {};
    // 4 January is always in week 1.
    const QDate january4(m.captured(1).toInt(), 1, 4);
    return january4.addDays(1 - january4.dayOfWeek() + 7 * (m.captured(2).toInt() - 1));
}

QString weekOf(const QDate &day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

// Sorted period columns with the missing months or weeks between the first
// and the last put in; a column without a date ("") stays first.
QStringList withoutGaps(const QStringList &sorted, AnalysisDimension by)
{
    QStringList dated = sorted;
    const bool undated = dated.removeAll(QString()) > 0;
    QStringList out;
    if (undated)
        out << QString();
    if (dated.isEmpty())
        return out;
    if (by == AnalysisDimension::Week) {
        const QDate first = mondayOf(dated.first()), last = mondayOf(dated.last());
        if (!first.isValid() || !last.isValid())
            return sorted;
        for (QDate d = first; d <= last; d = d.addDays(7))
            out << weekOf(d);
    } else {
        const QDate first = QDate::fromString(dated.first(), QStringLiteral("yyyy-MM"));
        const QDate last = QDate::fromString(dated.last(), QStringLiteral("yyyy-MM"));
        if (!first.isValid() || !last.isValid())
            return sorted;
        for (QDate d = first; d <= last; d = d.addMonths(1))
            out << d.toString(QStringLiteral("yyyy-MM"));
    }
    return out;
}
} // namespace

CodeMatrixPanel::CodeMatrixPanel(ProjectSession &store, const AnnotationVisibility &visibility,
                                 QWidget *parent)
    : QWidget(parent)
    , m_session(store)
    , m_visibility(visibility)
{
    m_dimension = new QComboBox(this);
    for (const Choice &c : kChoices)
        m_dimension->addItem(tr(c.label));
    m_measure = new QComboBox(this);
    m_measure->addItems({tr("Segments"), tr("Articles"), tr("Share of the column's articles")});
    m_chart = new QComboBox(this);
    m_chart->addItems({tr("Bars"), tr("Stacked bars"), tr("Time series")});
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("matrixFilter"));
    m_filter->setToolTip(tr("Count only the segments a saved query selects"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *exportButton = new QPushButton(tr("Export Chart…"), this);
    m_status = new QLabel(this);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chartView = new QChartView(this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_dimension);
    controls->addWidget(m_measure);
    controls->addWidget(m_chart);
    controls->addWidget(m_filter);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_chartView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    reloadFilters();
    for (QComboBox *box : {m_dimension, m_measure, m_chart, m_filter})
        connect(box, &QComboBox::currentIndexChanged, this, &CodeMatrixPanel::refresh);
    // Edits arrive one change event each: a burst of them (a merge, an
    // import, fast coding) is counted again once, after it settles.
    m_recount = new QTimer(this);
    m_recount->setSingleShot(true);
    m_recount->setInterval(300);
    connect(m_recount, &QTimer::timeout, this, &CodeMatrixPanel::refresh);
    connect(&m_session, &ProjectSession::changed, this, &CodeMatrixPanel::applyChanges);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const QString query = queryFor(row, column);
        if (!query.isEmpty())
            Q_EMIT segmentsRequested(query);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Chart"), QString(), tr("PNG image (*.png);;SVG image (*.svg)"));
        if (!path.isEmpty())
            exportChart(path);
    });
    refresh();
}

void CodeMatrixPanel::applyChanges(const ChangeSet &changes)
{
    using A = ChangeSet::Aggregate;
    bool recount = changes.touches(A::Annotation) || changes.touches(A::Code)
        || changes.touches(A::Category) || changes.touches(A::Article)
        || changes.touches(A::Coder) || !changes.annotatedArticles().isEmpty();
    if (changes.settings().contains(QLatin1String(SavedQueryRepository::changeKey))) {
        const QString chosen = filterName();
        {
            const QSignalBlocker quiet(m_filter);
            reloadFilters();
        }
        // The chosen query was changed or deleted: count again.
        recount = recount || !chosen.isEmpty();
    }
    if (!recount)
        return;
    if (isVisible())
        m_recount->start();
    else
        m_stale = true;
}

void CodeMatrixPanel::setVisibility(const AnnotationVisibility &visibility)
{
    const bool changed = !visibility.narrowsLike(m_visibility);
    m_visibility = visibility;
    if (!changed)
        return;
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void CodeMatrixPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void CodeMatrixPanel::reloadFilters()
{
    const QString chosen = filterName();
    m_filter->clear();
    m_filter->addItem(tr("All segments"));
    for (const SavedQuery &q : SavedQueryRepository(m_session.database()).all()) {
        m_filter->addItem(tr("Only %1").arg(q.name), q.name);
        m_filter->setItemData(m_filter->count() - 1, q.text, Qt::ToolTipRole);
    }
    m_filter->setCurrentIndex(std::max(0, m_filter->findData(chosen)));
}

QString CodeMatrixPanel::filterName() const
{
    return m_filter->currentData().toString();
}

bool CodeMatrixPanel::cooccurrenceMode() const
{
    return kChoices[m_dimension->currentIndex()].unit >= 0;
}

void CodeMatrixPanel::refresh()
{
    m_stale = false;
    m_recount->stop();
    const Choice &choice = kChoices[m_dimension->currentIndex()];
    m_measure->setEnabled(choice.unit < 0);
    AnalysisRepository analysis(m_session.database());
    QStringList rows, columns;
    QList<QList<double>> values;
    const QString filter = filterName();
    try {
        std::optional<SegmentQuery> restrict;
        if (!filter.isEmpty())
            restrict
                = SegmentQueryParser::parse(QStringLiteral("set:") + quoted(filter),
                                            SavedQueryRepository(m_session.database()).lookup());
        // Coding blind, a coder counts only their own segments.
        if (m_visibility.isBlind() && !m_session.coders().byName(m_visibility.currentCoder()))
            throw ProjectError(
                tr("Blind coding: %1 has coded nothing yet").arg(m_visibility.currentCoder()));
        restrict = m_visibility.restriction(restrict);
        if (choice.unit < 0) {
            const QList<FrequencyCell> cells = analysis.frequencies(choice.dimension, restrict);
            for (const FrequencyCell &c : cells) {
                if (!rows.contains(c.code))
                    rows << c.code;
                if (!columns.contains(c.column))
                    columns << c.column;
            }
            std::sort(columns.begin(), columns.end());
            if (choice.dimension == AnalysisDimension::Month
                || choice.dimension == AnalysisDimension::Week)
                columns = withoutGaps(columns, choice.dimension);
            values = QList<QList<double>>(rows.size(), QList<double>(columns.size(), 0.0));
            const auto measure = Measure(m_measure->currentIndex());
            for (const FrequencyCell &c : cells) {
                const double v = measure == Measure::Segments ? c.segments
                    : measure == Measure::Articles            ? c.articles
                                                              : c.articleShare();
                values[rows.indexOf(c.code)][columns.indexOf(c.column)] = v;
            }
            m_status->setText(filter.isEmpty()
                                  ? tr("%1 codes × %2 columns").arg(rows.size()).arg(columns.size())
                                  : tr("%1 codes × %2 columns, counting only %3")
                                        .arg(rows.size())
                                        .arg(columns.size())
                                        .arg(filter));
            fill(rows, columns, values, measure == Measure::ArticleShare);
        } else {
            const QList<CodePair> pairs
                = analysis.cooccurrence(CooccurrenceUnit(choice.unit), restrict);
            for (const CodePair &p : pairs) {
                for (const QString &name : {p.nameA, p.nameB}) {
                    if (!rows.contains(name))
                        rows << name;
                }
            }
            std::sort(rows.begin(), rows.end());
            columns = rows;
            values = QList<QList<double>>(rows.size(), QList<double>(rows.size(), 0.0));
            for (const CodePair &p : pairs) {
                values[rows.indexOf(p.nameA)][rows.indexOf(p.nameB)] = p.both;
                values[rows.indexOf(p.nameB)][rows.indexOf(p.nameA)] = p.both;
            }
            m_status->setText(filter.isEmpty()
                                  ? tr("%1 pairs of codes found together").arg(pairs.size())
                                  : tr("%1 pairs of codes found together, counting only %2")
                                        .arg(pairs.size())
                                        .arg(filter));
            fill(rows, columns, values, false);
        }
        if (m_visibility.isBlind())
            m_status->setText(m_status->text()
                              + tr(" · only %1’s segments (blind coding)")
                                    .arg(m_visibility.currentCoder()));
    } catch (const ProjectError &e) {
        m_status->setText(e.message());
        m_table->clear();
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        m_rowCodes.clear();
        m_columnKeys.clear();
        drawChart({}, {}, {});
        return;
    }
    drawChart(rows, columns, values);
}

void CodeMatrixPanel::fill(const QStringList &rows, const QStringList &columns,
                           const QList<QList<double>> &values, bool share)
{
    m_rowCodes = rows;
    m_columnKeys = columns;
    m_table->clear();
    m_table->setRowCount(int(rows.size()));
    m_table->setColumnCount(int(columns.size()));
    m_table->setVerticalHeaderLabels(rows);
    QStringList headers;
    for (const QString &c : columns)
        headers << (c.isEmpty() ? tr("(none)") : c);
    m_table->setHorizontalHeaderLabels(headers);
    double most = 0;
    for (const auto &row : values)
        for (double v : row)
            most = std::max(most, v);
    // A heat map: the darker the cell, the larger its value.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < columns.size(); ++c) {
            const double v = values[r][c];
            auto *item = new QTableWidgetItem(share ? QStringLiteral("%1%").arg(v * 100, 0, 'f', 1)
                                                    : QString::number(v, 'g', 10));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const double t = most > 0 ? v / most : 0;
            QColor heat = dark ? QColor::fromRgbF(0.15 + 0.1 * t, 0.2 + 0.2 * t, 0.3 + 0.6 * t)
                               : QColor::fromRgbF(1.0 - 0.7 * t, 1.0 - 0.5 * t, 1.0);
            item->setBackground(heat);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void CodeMatrixPanel::drawChart(const QStringList &rows, const QStringList &columns,
                                const QList<QList<double>> &values)
{
    auto *chart = new QChart;
    chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                        : QChart::ChartThemeLight);
    chart->legend()->setAlignment(Qt::AlignRight);
    const auto kind = Chart(m_chart->currentIndex());
    double most = 0;
    for (const auto &row : values)
        for (double v : row)
            most = std::max(most, v);
    auto *xAxis = new QBarCategoryAxis;
    QStringList labels;
    for (const QString &c : columns)
        labels << (c.isEmpty() ? tr("(none)") : c);
    xAxis->append(labels);
    auto *yAxis = new QValueAxis;
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    if (kind == Chart::TimeSeries) {
        for (int r = 0; r < rows.size(); ++r) {
            auto *line = new QLineSeries;
            line->setName(rows[r]);
            for (int c = 0; c < columns.size(); ++c)
                line->append(c, values[r][c]);
            chart->addSeries(line);
            line->attachAxis(yAxis);
        }
        auto *position = new QValueAxis;
        position->setRange(0, std::max<qsizetype>(0, columns.size() - 1));
        position->setVisible(false);
        chart->addAxis(position, Qt::AlignBottom);
        for (QAbstractSeries *s : chart->series())
            s->attachAxis(position);
        yAxis->setRange(0, most > 0 ? most : 1);
    } else {
        QAbstractBarSeries *series = kind == Chart::StackedBars
            ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
            : new QBarSeries;
        double stacked = 0;
        QList<double> sums(columns.size(), 0.0);
        for (int r = 0; r < rows.size(); ++r) {
            auto *set = new QBarSet(rows[r]);
            for (int c = 0; c < columns.size(); ++c) {
                *set << values[r][c];
                sums[c] += values[r][c];
            }
            series->append(set);
        }
        for (double s : sums)
            stacked = std::max(stacked, s);
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
        yAxis->setRange(
            0, kind == Chart::StackedBars ? (stacked > 0 ? stacked : 1) : (most > 0 ? most : 1));
    }
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
}

QString CodeMatrixPanel::queryFor(int row, int column) const
{
    if (row < 0 || row >= m_rowCodes.size() || column < 0 || column >= m_columnKeys.size())
        return {};
    const QString code = QStringLiteral("code:") + quoted(m_rowCodes[row]);
    const Choice &choice = kChoices[m_dimension->currentIndex()];
    const QString key = m_columnKeys[column];
    // Under a saved query the cell holds only its segments.
    const QString filter
        = filterName().isEmpty() ? QString() : QStringLiteral(" AND set:") + quoted(filterName());
    if (choice.unit >= 0) {
        static const char *relations[]
            = {"OVERLAPS", "SAME-SENTENCE", "SAME-PARAGRAPH", "SAME-ARTICLE"};
        const QString pair = QStringLiteral("%1 %2 code:%3")
                                 .arg(code, QLatin1String(relations[choice.unit]), quoted(key));
        return filter.isEmpty() ? pair : QStringLiteral("(%1)%2").arg(pair, filter);
    }
    switch (choice.dimension) {
    case AnalysisDimension::Month:
    case AnalysisDimension::Day:
        return (key.isEmpty() ? code : QStringLiteral("%1 AND date:%2").arg(code, key)) + filter;
    case AnalysisDimension::Week: {
        const QDate monday = mondayOf(key);
        if (!monday.isValid())
            return code + filter;
        return QStringLiteral("%1 AND date:%2..%3")
                   .arg(code, monday.toString(Qt::ISODate), monday.addDays(6).toString(Qt::ISODate))
            + filter;
    }
    case AnalysisDimension::Outlet:
        return QStringLiteral("%1 AND outlet:%2").arg(code, quoted(key)) + filter;
    case AnalysisDimension::Coder:
        return QStringLiteral("%1 AND coder:%2").arg(code, quoted(key)) + filter;
    case AnalysisDimension::Actor:
        return QStringLiteral("%1 AND actor:%2").arg(code, quoted(key)) + filter;
    default:
        return code + filter;
    }
}

bool CodeMatrixPanel::exportChart(const QString &path)
{
    const QSize size = m_chartView->size().expandedTo(QSize(640, 400));
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(m_dimension->currentText());
        QPainter painter;
        if (!painter.begin(&svg)) {
            m_status->setText(tr("%1: cannot write").arg(path));
            return false;
        }
        m_chartView->render(&painter, QRectF(QPoint(0, 0), size));
        painter.end();
    } else {
        QImage image(size, QImage::Format_ARGB32);
        image.fill(palette().color(QPalette::Window));
        QPainter painter(&image);
        m_chartView->render(&painter, QRectF(QPoint(0, 0), size));
        painter.end();
        if (!image.save(path, "PNG")) {
            m_status->setText(tr("%1: cannot write").arg(path));
            return false;
        }
    }
    m_status->setText(tr("Chart exported to %1").arg(path));
    return true;
}
