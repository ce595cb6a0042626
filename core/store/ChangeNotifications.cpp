#include "ChangeNotifications.h"

#include "ChangeSetCodec.h"
#include "SqlQuery.h"
#include "base/ProjectError.h"

#include <atomic>

namespace {
// Room for the sender (a pid, 20 digits at most) and its space.
constexpr int kSenderRoom = 21;

[[noreturn]] void damaged(const QString &what, const QByteArray &payload)
{
    throw ProjectError(QStringLiteral("a change notification is damaged: %1 (“%2”)")
                           .arg(what, QString::fromLatin1(payload.left(60))));
}
} // namespace

QStringList ChangeNotifications::statements(const ChangeSet &changes)
{
    // Commits of all sessions of this process are numbered together: with
    // the sender's pid that tells one commit's pieces from another's.
    static std::atomic<quint64> serial {0};
    QStringList out;
    for (const QByteArray &piece : pieces(changes, ++serial)) {
        // Written inline (no prepared statement, whose PREPARE and
        // DEALLOCATE would be round trips of their own), which is safe as
        // the piece holds only digits, letters and , ; + ~ - % / and
        // spaces. The server writes the sender, its backend pid, which the
        // listening side compares with its own.
        if (piece.contains('\'') || piece.contains('\\'))
            throw ProjectError(QStringLiteral("a change notification holds a quote"));
        out << QStringLiteral("SELECT pg_notify('%1', pg_backend_pid()::text || ' %2')")
                   .arg(QLatin1String(channel), QLatin1String(piece));
    }
    return out;
}

QList<QByteArray> ChangeNotifications::pieces(const ChangeSet &changes, quint64 serial, int limit)
{
    const QByteArray text = ChangeSetCodec::encode(changes);
    // The header grows with the number of pieces; size them for the
    // largest header the count could need.
    const auto header = [serial](int index, int count) {
        return QByteArray::number(serial) + ' ' + QByteArray::number(index) + '/'
            + QByteArray::number(count) + ' ';
    };
    int count = 1;
    for (;;) {
        const qsizetype room = limit - kSenderRoom - header(count, count).size();
        if (room <= 0)
            throw ProjectError(QStringLiteral("a change notification limit of %1 bytes leaves no "
                                              "room for the change set")
                                   .arg(limit));
        const int needed = int(qMax<qsizetype>(1, (text.size() + room - 1) / room));
        if (needed <= count) {
            QList<QByteArray> out;
            for (int i = 0; i < needed; ++i)
                out << header(i + 1, needed) + text.mid(i * room, room);
            return out;
        }
        count = needed;
    }
}

qint64 ChangeNotifications::senderOf(const QByteArray &payload)
{
    const qsizetype space = payload.indexOf(' ');
    bool ok = false;
    const qint64 sender = payload.left(space).toLongLong(&ok);
    return ok && space > 0 ? sender : 0;
}

std::optional<ChangeSet> ChangeNotifications::receive(const QByteArray &payload)
{
    // SENDER SERIAL INDEX/COUNT TEXT: the text is all after the third space.
    QList<QByteArray> head;
    qsizetype from = 0;
    for (int i = 0; i < 3; ++i) {
        const qsizetype space = payload.indexOf(' ', from);
        if (space < 0)
            damaged(QStringLiteral("its header is incomplete"), payload);
        head << payload.mid(from, space - from);
        from = space + 1;
    }
    const qint64 sender = senderOf(payload);
    bool serialOk = false;
    const quint64 serial = head[1].toULongLong(&serialOk);
    const QList<QByteArray> part = head[2].split('/');
    bool indexOk = false, countOk = false;
    const int index = part.size() == 2 ? part[0].toInt(&indexOk) : 0;
    const int count = part.size() == 2 ? part[1].toInt(&countOk) : 0;
    if (!sender || !serialOk || !indexOk || !countOk || index < 1 || index > count)
        damaged(QStringLiteral("its header is not “SENDER SERIAL INDEX/COUNT”"), payload);

    const QByteArray text = payload.mid(from);
    if (index == 1) {
        m_partial.remove(sender);
        if (count == 1)
            return ChangeSetCodec::decode(text);
        m_partial.insert(sender, Partial {serial, count, 2, text});
        return std::nullopt;
    }
    const auto it = m_partial.find(sender);
    if (it == m_partial.end() || it->serial != serial || it->count != count || it->next != index) {
        m_partial.remove(sender);
        damaged(QStringLiteral("piece %1 of %2 came out of turn").arg(index).arg(count), payload);
    }
    it->text += text;
    if (index < count) {
        ++it->next;
        return std::nullopt;
    }
    const QByteArray whole = it->text;
    m_partial.erase(it);
    return ChangeSetCodec::decode(whole);
}
