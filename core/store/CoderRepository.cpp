#include "CoderRepository.h"

#include "base/ProjectError.h"
#include "domain/Code.h"

#include <iterator>

namespace {
const QString kSelect = QStringLiteral("SELECT id, uuid, name, colour FROM coders ");
const QString kInsert
    = QStringLiteral("INSERT INTO coders(uuid, name, colour, created_at) VALUES (?, ?, ?, ?)");
const QString kUpdate = QStringLiteral("UPDATE coders SET name = ?, colour = ? WHERE id = ?");

// Coders' colours: apart from each other and from the code palette's reds
// and greens, legible as thin lanes on light and dark backgrounds.
const char *const kPalette[] = {"#1f77b4", "#ff7f0e", "#9467bd", "#8c564b",
                                "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

QString loginName()
{
    for (const char *var : {"FRAMEWISE_CODER", "USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("coder");
}

QList<Coder> read(SqlQuery &q)
{
    QList<Coder> list;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        QString colour = q.value(3).toString();
        // Coders from before version 7 have none stored: one by their id.
        if (colour.isEmpty())
            colour = QString::fromLatin1(kPalette[(id - 1) % std::size(kPalette)]);
        list.append({id, q.value(1).toString(), q.value(2).toString(), colour});
    }
    return list;
}
} // namespace

CoderRepository::CoderRepository(Database &db)
    : Repository(db)
    , m_current(loginName())
{
}

QList<Coder> CoderRepository::all() const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("ORDER BY name"));
    q.exec();
    return read(q);
}

std::optional<Coder> CoderRepository::get(qint64 id) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE id = ?"));
    q.bind(id).exec();
    const QList<Coder> found = read(q);
    return found.isEmpty() ? std::nullopt : std::optional<Coder>(found.constFirst());
}

std::optional<Coder> CoderRepository::byName(const QString &name) const
{
    SqlQuery q(sql(), kSelect + QStringLiteral("WHERE name = ?"));
    q.bind(name.trimmed()).exec();
    const QList<Coder> found = read(q);
    return found.isEmpty() ? std::nullopt : std::optional<Coder>(found.constFirst());
}

qint64 CoderRepository::ensure(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw ProjectError(QStringLiteral("a coder needs a name"));
    if (const auto existing = byName(trimmed))
        return existing->id;
    return write([&](ChangeSet &changes) {
        const int n = SqlQuery::scalar(sql(), QStringLiteral("SELECT count(*) FROM coders")).toInt();
        SqlQuery q(sql(), returningId(kInsert));
        q.bind(Database::newUuid()).bind(trimmed);
        q.bind(QString::fromLatin1(kPalette[n % std::size(kPalette)])).bind(Database::now()).exec();
        const qint64 id = q.returnedId();
        changes.add(ChangeSet::Aggregate::Coder, id);
        return id;
    });
}

void CoderRepository::update(const Coder &coder)
{
    const QString name = coder.name.trimmed();
    if (name.isEmpty())
        throw ProjectError(QStringLiteral("a coder needs a name"));
    if (!Code::isColour(coder.colour))
        throw ProjectError(QStringLiteral("“%1” is not a colour; use #rrggbb").arg(coder.colour));
    if (const auto same = byName(name); same && same->id != coder.id)
        throw ProjectError(QStringLiteral("a coder named “%1” already exists").arg(name));
    write([&](ChangeSet &changes) {
        SqlQuery q(sql(), kUpdate);
        q.bind(name).bind(coder.colour).bind(coder.id).exec();
        if (q.rowsAffected() != 1)
            throw ProjectError(QStringLiteral("no coder with id %1").arg(coder.id));
        changes.modify(ChangeSet::Aggregate::Coder, coder.id);
    });
}

void CoderRepository::setCurrent(const QString &name)
{
    if (!name.trimmed().isEmpty())
        m_current = name.trimmed();
}
