#include "ChangeSetCodec.h"

#include "base/ProjectError.h"

#include <QList>
#include <QUrl>

#include <algorithm>

namespace {
using Aggregate = ChangeSet::Aggregate;

// Aggregates are tagged a, b, c... in the order of the enum; the sets of
// ids beyond them by capitals.
constexpr char kArticles = 'A', kCodes = 'C', kActors = 'R', kSettings = 'S';
constexpr char kAdded = '+', kModified = '~', kRemoved = '-';

void appendIds(QByteArray &out, const QSet<qint64> &ids)
{
    QList<qint64> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(i == 0 ? sorted[i] : sorted[i] - sorted[i - 1], 36);
    }
}

void appendSection(QByteArray &out, const QByteArray &tag, const QSet<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    if (!out.isEmpty())
        out += ';';
    out += tag;
    appendIds(out, ids);
}

[[noreturn]] void fail(const QString &what, const QByteArray &section)
{
    throw ProjectError(QStringLiteral("a change notification is damaged: %1 in “%2”")
                           .arg(what, QString::fromLatin1(section.left(60))));
}

QList<qint64> readIds(const QByteArray &list, const QByteArray &section)
{
    QList<qint64> ids;
    qint64 last = 0;
    for (const QByteArray &item : list.split(',')) {
        bool ok = false;
        const qint64 value = item.toLongLong(&ok, 36);
        if (!ok)
            fail(QStringLiteral("“%1” is not an id").arg(QString::fromLatin1(item)), section);
        if (!ids.isEmpty() && value <= 0)
            fail(QStringLiteral("ids out of order"), section);
        last = ids.isEmpty() ? value : last + value;
        ids << last;
    }
    return ids;
}
} // namespace

QByteArray ChangeSetCodec::encode(const ChangeSet &changes)
{
    QByteArray out;
    for (int i = 0; i < ChangeSet::aggregateCount; ++i) {
        const ChangeSet::Ids &ids = changes.of(Aggregate(i));
        const char tag = char('a' + i);
        appendSection(out, QByteArray(1, tag) + kAdded, ids.added);
        appendSection(out, QByteArray(1, tag) + kModified, ids.modified);
        appendSection(out, QByteArray(1, tag) + kRemoved, ids.removed);
    }
    appendSection(out, QByteArray(1, kArticles), changes.annotatedArticles());
    appendSection(out, QByteArray(1, kCodes), changes.codeUsage());
    appendSection(out, QByteArray(1, kActors), changes.actorUsage());
    if (!changes.settings().isEmpty()) {
        QStringList keys(changes.settings().cbegin(), changes.settings().cend());
        keys.sort();
        if (!out.isEmpty())
            out += ';';
        out += kSettings;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i > 0)
                out += ',';
            out += QUrl::toPercentEncoding(keys[i]);
        }
    }
    return out;
}

ChangeSet ChangeSetCodec::decode(const QByteArray &text)
{
    ChangeSet changes;
    if (text.isEmpty())
        return changes;
    for (const QByteArray &section : text.split(';')) {
        if (section.isEmpty())
            fail(QStringLiteral("an empty section"), text);
        const char tag = section.at(0);
        if (tag >= 'a' && tag < 'a' + ChangeSet::aggregateCount) {
            if (section.size() < 3)
                fail(QStringLiteral("no ids"), section);
            const Aggregate aggregate = Aggregate(tag - 'a');
            const QList<qint64> ids = readIds(section.mid(2), section);
            switch (section.at(1)) {
            case kAdded:
                for (qint64 id : ids)
                    changes.add(aggregate, id);
                break;
            case kModified:
                for (qint64 id : ids)
                    changes.modify(aggregate, id);
                break;
            case kRemoved:
                for (qint64 id : ids)
                    changes.remove(aggregate, id);
                break;
            default:
                fail(QStringLiteral("an unknown kind of change"), section);
            }
            continue;
        }
        const QByteArray rest = section.mid(1);
        if (rest.isEmpty() && tag != kSettings) // an empty key is a key
            fail(QStringLiteral("no ids"), section);
        switch (tag) {
        case kArticles:
            for (qint64 id : readIds(rest, section))
                changes.touchAnnotationsOf(id);
            break;
        case kCodes:
            for (qint64 id : readIds(rest, section))
                changes.touchCodeUsage(id);
            break;
        case kActors:
            for (qint64 id : readIds(rest, section))
                changes.touchActorUsage(id);
            break;
        case kSettings:
            for (const QByteArray &key : rest.split(','))
                changes.touchSetting(QUrl::fromPercentEncoding(key));
            break;
        default:
            fail(QStringLiteral("an unknown section"), section);
        }
    }
    return changes;
}
