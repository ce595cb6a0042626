#include "reader/SpanDragger.h"

#include "reader/ReaderView.h"

#include <QMouseEvent>
#include <utility>

SpanDragger::SpanDragger(ReaderView *reader, SelectedAnnotation selected, Commit commit,
                         QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_selected(std::move(selected))
    , m_commit(std::move(commit))
{
    m_reader->viewport()->installEventFilter(this);
}

qint64 SpanDragger::codePointAt(const QPoint &viewportPos) const
{
    const int position = m_reader->cursorForPosition(viewportPos).position();
    return m_reader->codePointAt(qMax(position, m_reader->textStart()));
}

bool SpanDragger::begin(const QPoint &pos)
{
    const qint64 at = codePointAt(pos);
    const qint64 selected = m_selected();
    const Annotation *target = nullptr;
    for (const Annotation &a : m_reader->annotations()) {
        // On or right next to the selected annotation, that one wins.
        if (a.id == selected && at >= a.start - 1 && at <= a.end + 1) {
            target = &a;
            break;
        }
    }
    QList<Annotation> under;
    if (!target) {
        under = m_reader->annotationsAt(at);
        if (under.isEmpty())
            return false;
        target = &under.last();
    }
    m_id = target->id;
    m_originalStart = m_start = target->start;
    m_originalEnd = m_end = target->end;
    m_movingStart = (at - m_start) < (m_end - at);
    preview();
    return true;
}

void SpanDragger::preview()
{
    QTextCursor cursor = m_reader->textCursor();
    cursor.setPosition(m_reader->documentPosition(m_start));
    cursor.setPosition(m_reader->documentPosition(m_end), QTextCursor::KeepAnchor);
    m_reader->setTextCursor(cursor);
}

bool SpanDragger::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_reader->viewport())
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || !(mouse->modifiers() & Qt::AltModifier))
            return false;
        return begin(mouse->position().toPoint());
    }
    case QEvent::MouseMove: {
        if (!m_id)
            return false;
        const qint64 at = codePointAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        // A span keeps at least one character, a whole grapheme cluster.
        if (m_movingStart)
            m_start = qMin(at, m_reader->previousGrapheme(m_end));
        else
            m_end = qMax(at, m_reader->nextGrapheme(m_start));
        preview();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (!m_id)
            return false;
        const qint64 id = std::exchange(m_id, 0);
        if (m_start != m_originalStart || m_end != m_originalEnd)
            m_commit(id, m_start, m_end);
        return true;
    }
    default:
        return false;
    }
}
