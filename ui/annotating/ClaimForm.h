#pragma once

#include "domain/Claim.h"

#include <QWidget>
#include <functional>
#include <optional>

struct Annotation;
class ProjectSession;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedLayout;
class QUndoStack;

// The attributes of the selected claim beside the reader: speaker and
// target (actors), stance, kind, status and an evidence note. Every change
// is an undoable command, stored at once. For annotations without a code
// of a claim category it shows a hint instead.
class ClaimForm final : public QWidget
{
    Q_OBJECT

public:
    ClaimForm(ProjectSession &store, QUndoStack *undo, std::function<void(const QString &)> onError,
              QWidget *parent = nullptr);

    void setAnnotation(qint64 annotationId); // 0 = none
    qint64 annotationId() const { return m_annotationId; }
    bool isEditing() const; // the form (not the hint) is showing

    QComboBox *speakerBox() const { return m_speaker; }
    QComboBox *targetBox() const { return m_target; }
    QComboBox *stanceBox() const { return m_stance; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *evidenceEdit() const { return m_evidence; }
    QWidget *firstField() const;

private:
    bool isClaim(const Annotation &annotation) const;
    void reloadActors();
    void load();
    void commit();

    ProjectSession &m_session;
    QUndoStack *m_undo;
    std::function<void(const QString &)> m_onError;
    qint64 m_annotationId = 0;
    bool m_loading = false;
    QStackedLayout *m_stack = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_quote = nullptr;
    QComboBox *m_speaker = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_stance = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_evidence = nullptr;
};
