#pragma once

#include <QObject>
#include <functional>

class ReaderView;

// Alt+drag in the reader moves the nearer boundary of an annotation: the
// selected one when the press is on or next to it, else the innermost one
// under the pointer. The reader's selection previews the new span; the
// release commits it (one undoable step). Works as an event filter on the
// reader's viewport, so the reader itself needs no hooks.
class SpanDragger final : public QObject
{
    Q_OBJECT

public:
    using SelectedAnnotation = std::function<qint64()>;
    using Commit = std::function<void(qint64 annotationId, qint64 start, qint64 end)>;

    SpanDragger(ReaderView *reader, SelectedAnnotation selected, Commit commit,
                QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    qint64 codePointAt(const QPoint &viewportPos) const;
    bool begin(const QPoint &pos);
    void preview();

    ReaderView *m_reader;
    SelectedAnnotation m_selected;
    Commit m_commit;
    qint64 m_id = 0;
    bool m_movingStart = false;
    qint64 m_start = 0;
    qint64 m_end = 0;
    qint64 m_originalStart = 0;
    qint64 m_originalEnd = 0;
};
