#pragma once

#include "domain/Annotation.h"
#include "domain/AnnotationVisibility.h"

#include <QWidget>

class AnnotationListModel;
class ProjectSession;
class QLabel;
class QTreeView;

// The annotations of the open article in reading order. Clicking one (or
// Enter) asks the reader to show it.
class AnnotationPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotationPanel(ProjectSession &store, QWidget *parent = nullptr);

    AnnotationListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    void setArticle(qint64 articleId, const QList<Annotation> &annotations);
    // Whose annotations are listed (coders hidden, blind coding).
    void setVisibility(const AnnotationVisibility &visibility);
    QLabel *emptyHint() const { return m_emptyHint; }
    qint64 selectedAnnotationId() const; // 0 = none
    void selectAnnotation(qint64 annotationId);

Q_SIGNALS:
    void annotationActivated(const Annotation &annotation);

private:
    void updateEmptyHint();
    void updateColumns();

    AnnotationListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_emptyHint = nullptr;
};
