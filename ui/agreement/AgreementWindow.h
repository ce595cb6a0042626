#pragma once

#include "reliability/ProjectAgreement.h"

#include <QDialog>
#include <memory>

class AdjudicationPanel;
class AgreementResultModel;
class ProjectSession;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QTableWidget;
class QUndoStack;

// Inter-coder agreement for the open project: pick coders, the codes (all,
// a category, or one code), the unit and the measures; the results table
// colours each value against 0.667 and 0.8 and exports as CSV and as a
// paragraph of methods text. Selecting a result lists the units where the
// coders differ; activating one opens it in the reader (openSpan). Below
// it, adjudication (AdjudicationPanel) settles them into a consensus coder.
class AgreementWindow : public QDialog
{
    Q_OBJECT

public:
    explicit AgreementWindow(ProjectSession &session, QWidget *parent = nullptr);
    ~AgreementWindow() override;

    // Re-reads coders and codes from the project.
    void reload();
    // Computes with the current choices; false (with the message shown) on
    // a refused request.
    bool compute();
    bool exportCsv(const QString &path);

    QListWidget *coderList() const { return m_coders; }
    QComboBox *codeChoice() const { return m_codes; }
    QComboBox *unitChoice() const { return m_unit; }
    QListWidget *measureList() const { return m_measures; }
    QSpinBox *bootstrap() const { return m_bootstrap; }
    QTableView *resultView() const { return m_resultView; }
    AgreementResultModel *results() const { return m_model; }
    QTableWidget *disagreementTable() const { return m_disagreements; }
    QPlainTextEdit *methodsText() const { return m_methods; }
    QLabel *status() const { return m_status; }
    // Fills the disagreement table for a row of the results.
    void showDisagreements(int resultRow);
    AdjudicationPanel *adjudication() const { return m_adjudication; }
    // Where adjudication commands go (the main window's undo stack).
    void setUndoStack(QUndoStack *stack);

Q_SIGNALS:
    void openSpan(qint64 articleId, qint64 start, qint64 end);
    // Adjudication's Edit: code the place by hand as the consensus coder.
    void editAsConsensus(qint64 articleId, qint64 start, qint64 end, const QString &consensusName);

private:
    AgreementRequest request() const;
    void exportCsvDialog();

    ProjectSession &m_session;
    QListWidget *m_coders = nullptr;
    QComboBox *m_codes = nullptr;
    QComboBox *m_unit = nullptr;
    QListWidget *m_measures = nullptr;
    QSpinBox *m_bootstrap = nullptr;
    QTableView *m_resultView = nullptr;
    AgreementResultModel *m_model = nullptr;
    QTableWidget *m_disagreements = nullptr;
    QPlainTextEdit *m_methods = nullptr;
    QLabel *m_status = nullptr;
    AdjudicationPanel *m_adjudication = nullptr;
    std::unique_ptr<ProjectAgreement> m_agreement; // of the last computation
    AgreementRequest m_lastRequest;
    QList<Coder> m_lastCoders;
    QList<ProjectAgreement::Subject> m_lastSubjects;
};
