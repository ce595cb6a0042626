#pragma once

#include "reliability/GoldComparison.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class ChangeSet;
class GoldOverlay;
class GoldResultModel;
class ProjectSession;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QTableView;
class QTimer;
class ReaderView;

// Compare with Gold, for teaching: pick the gold coder and one or more
// students; the table shows each student's precision, recall and F1 per
// code (partial overlap and exact, as `framewise compare`) with hits,
// misses and false alarms. One student's report goes out as CSV or HTML,
// and "Show in reader" draws that student's spans against gold in the
// reader (GoldOverlay) until it is unticked or the window closes. Figures
// follow edits of the coding while the window is open.
class GoldComparisonWindow : public QDialog
{
    Q_OBJECT

public:
    GoldComparisonWindow(ProjectSession &session, ReaderView *reader, QWidget *parent = nullptr);
    ~GoldComparisonWindow() override;

    // Re-reads the coders, keeping the choices that still exist.
    void reload();
    // Compares every ticked student with the gold coder; false (with the
    // message shown) when there is nothing to compare.
    bool compute();
    // The chosen student's report.
    bool exportCsv(const QString &path);
    bool exportHtml(const QString &path);

    QComboBox *goldChoice() const { return m_gold; }
    QListWidget *studentList() const { return m_students; }
    GoldResultModel *results() const { return m_model; }
    QTableView *resultView() const { return m_view; }
    QComboBox *studentChoice() const { return m_student; }
    QCheckBox *showInReader() const { return m_show; }
    QLabel *status() const { return m_status; }
    GoldOverlay *overlay() const;

protected:
    void hideEvent(QHideEvent *event) override;

private:
    struct Result
    {
        QList<GoldComparison::Row> rows;
        QList<GoldComparison::Span> spans;
    };
    void goldChanged();
    void updateOverlay();
    void projectChanged(const ChangeSet &changes);
    bool save(const QString &path, const QString &text);
    void exportDialog(bool html);

    ProjectSession &m_session;
    QPointer<ReaderView> m_reader;
    QComboBox *m_gold = nullptr;
    QListWidget *m_students = nullptr;
    GoldResultModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_student = nullptr;
    QCheckBox *m_show = nullptr;
    QLabel *m_status = nullptr;
    QPointer<GoldOverlay> m_overlay;
    QTimer *m_recompute = nullptr;
    QString m_computedGold;
    QString m_previousGold;
    QHash<QString, Result> m_results; // by student
};
