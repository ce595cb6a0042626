#pragma once

#include "ChangeSet.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <optional>

// What a commit on a team project changed, told to the project's other
// sessions as PostgreSQL notifications on one channel. The committing
// session sends them in its transaction right before COMMIT (Database), so
// they are delivered if and only if it commits; each session's
// ChangeListener feeds what it hears to receive().
//
// A payload is "SENDER SERIAL INDEX/COUNT TEXT": the sending connection's
// backend pid, a number of its commit, and piece INDEX of COUNT of the
// change set's ChangeSetCodec text. A payload must stay under 8,000 bytes,
// so a big change set goes in several; the server delivers a transaction's
// notifications together and in order.
class ChangeNotifications
{
public:
    static constexpr const char *channel = "framewise_changes";
    // The server refuses a payload of 8,000 bytes or more.
    static constexpr int payloadLimit = 7999;

    // The statements that notify the channel of the change set, to run on
    // a PostgreSQL connection inside its open transaction.
    static QStringList statements(const ChangeSet &changes);
    // The payloads without their sender, which the server puts in front:
    // each "SERIAL INDEX/COUNT TEXT", short enough that with a sender of up
    // to 20 characters it stays within limit bytes.
    static QList<QByteArray> pieces(const ChangeSet &changes, quint64 serial,
                                    int limit = payloadLimit);

    // The sender of a payload, 0 if it names none.
    static qint64 senderOf(const QByteArray &payload);
    // Takes one payload heard; the change set once its last piece is in.
    // Throws ProjectError on a damaged payload or a piece out of turn (and
    // forgets that sender's unfinished change set).
    std::optional<ChangeSet> receive(const QByteArray &payload);

private:
    struct Partial
    {
        quint64 serial = 0;
        int count = 0;
        int next = 0;
        QByteArray text;
    };
    QHash<qint64, Partial> m_partial; // by sender
};
