#pragma once

#include "domain/Annotation.h"
#include "domain/AnnotationVisibility.h"
#include "domain/Code.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>
#include <QSet>

class ProjectSession;

// The annotations of the open article that are seen (AnnotationVisibility:
// coders hidden, blind coding), in reading order (by start).
class AnnotationListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Quote, Codes, Coder, Note, ColumnCount };
    enum Role { AnnotationIdRole = Qt::UserRole + 1, StartRole, EndRole };

    explicit AnnotationListModel(ProjectSession &store, QObject *parent = nullptr);

    void setArticle(qint64 articleId);
    // Same, with the article's annotations already read by the caller.
    void setArticle(qint64 articleId, QList<Annotation> annotations);
    qint64 articleId() const { return m_articleId; }
    // Whose annotations are listed; reads the article's list again.
    void setVisibility(const AnnotationVisibility &visibility);
    const AnnotationVisibility &visibility() const { return m_visibility; }
    // The article's annotations left out by the visibility.
    int hiddenCount() const { return m_hidden; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<Annotation> &annotations() const { return m_annotations; }
    Annotation annotation(int row) const { return m_annotations.value(row); }
    int rowOf(qint64 annotationId) const;
    // Whether any of these annotations is in the list.
    bool containsAny(const QSet<qint64> &annotationIds) const; // -1 if absent
    void refresh();

private:
    QString codeNames(const Annotation &a) const;
    QPixmap chipsFor(const QList<qint64> &codeIds) const;
    void readCoders();

    ProjectSession &m_session;
    qint64 m_articleId = 0;
    QList<Annotation> m_annotations;
    AnnotationVisibility m_visibility;
    int m_hidden = 0;
    QHash<qint64, QPixmap> m_coderSwatches; // by coder id
    QHash<qint64, Code> m_codes;
    mutable QHash<QList<qint64>, QPixmap> m_chips; // by code ids
};
