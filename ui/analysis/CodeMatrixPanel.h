#pragma once

#include "domain/AnalysisTables.h"
#include "domain/AnnotationVisibility.h"

#include <QWidget>

class ChangeSet;
class ProjectSession;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class QTimer;

// Code matrices and co-occurrence as a table coloured as a heat map and a
// Qt Charts chart (bars, stacked bars or a time series): codes down,
// outlets, months, ISO weeks, days, coders or actors across, counting
// segments, articles or the share of the column's articles; or codes by
// codes, counting paragraphs, sentences or articles holding both. Months
// and weeks run without gaps from the first to the last, so a time series
// is evenly spaced. A saved query (SavedQueryRepository) can restrict the
// segments counted. Clicking a cell asks for its segments as a retrieval
// query. The chart follows the light or dark palette and exports as PNG or
// SVG.
class CodeMatrixPanel final : public QWidget
{
    Q_OBJECT

public:
    enum class Chart
    {
        Bars,
        StackedBars,
        TimeSeries
    };
    enum class Measure
    {
        Segments,
        Articles,
        ArticleShare
    };

    // Under blind coding (visibility), only the current coder's segments
    // are counted.
    CodeMatrixPanel(ProjectSession &store, const AnnotationVisibility &visibility,
                    QWidget *parent = nullptr);
    void setVisibility(const AnnotationVisibility &visibility);

    QComboBox *dimensionBox() const { return m_dimension; }
    QComboBox *measureBox() const { return m_measure; }
    QComboBox *chartBox() const { return m_chart; }
    // "All segments", then the project's saved queries by name.
    QComboBox *filterBox() const { return m_filter; }
    QTableWidget *table() const { return m_table; }
    QChartView *chartView() const { return m_chartView; }
    QLabel *statusLabel() const { return m_status; }

    // Recomputes the table and the chart from the store.
    void refresh();
    // Writes the chart as PNG or SVG (by the file name); false with a message.
    bool exportChart(const QString &path);
    // The retrieval query for a cell: its code and its column.
    QString queryFor(int row, int column) const;

Q_SIGNALS:
    void segmentsRequested(const QString &query);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Counts again after the store changed: soon if shown, else when shown.
    void applyChanges(const ChangeSet &changes);
    void fill(const QStringList &rows, const QStringList &columns,
              const QList<QList<double>> &values, bool share);
    void drawChart(const QStringList &rows, const QStringList &columns,
                   const QList<QList<double>> &values);
    bool cooccurrenceMode() const;
    void reloadFilters();
    // The chosen saved query's name, or empty for every segment.
    QString filterName() const;

    ProjectSession &m_session;
    QComboBox *m_dimension = nullptr;
    QComboBox *m_measure = nullptr;
    QComboBox *m_chart = nullptr;
    QComboBox *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QChartView *m_chartView = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_recount = nullptr;
    bool m_stale = false; // the store changed while the panel was hidden
    AnnotationVisibility m_visibility;
    QStringList m_rowCodes;
    QStringList m_columnKeys;
};
