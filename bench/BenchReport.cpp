#include "BenchReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <stdexcept>

namespace {
QString number(double v)
{
    // Three significant decimals for small values, whole numbers for large.
    if (std::abs(v) >= 1000)
        return QString::number(qRound64(v));
    if (std::abs(v) >= 100)
        return QString::number(v, 'f', 1);
    return QString::number(v, 'f', 2);
}
} // namespace

int BenchReport::failures() const
{
    return int(std::count_if(m_measurements.begin(), m_measurements.end(),
                             [](const Measurement &m) { return !m.pass(); }));
}

QString BenchReport::table() const
{
    const QStringList header = {QStringLiteral("measurement"), QStringLiteral("median"),
                                QStringLiteral("min"), QStringLiteral("max"),
                                QStringLiteral("unit"), QStringLiteral("target"),
                                QStringLiteral("result")};
    QList<QStringList> rows;
    for (const Measurement &m : m_measurements) {
        rows << QStringList{m.name(),
                            m.isEmpty() ? QStringLiteral("-") : number(m.median()),
                            m.isEmpty() ? QStringLiteral("-") : number(m.min()),
                            m.isEmpty() ? QStringLiteral("-") : number(m.max()),
                            m.unit(),
                            m.targetText(),
                            m.isEmpty() ? QStringLiteral("not run")
                                        : (m.pass() ? QStringLiteral("pass") : QStringLiteral("FAIL"))};
    }
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &r : rows) {
        for (qsizetype i = 0; i < r.size(); ++i)
            widths[i] = qMax(widths[i], r[i].size());
    }
    auto line = [&](const QStringList &cells) {
        QString s = QStringLiteral("|");
        for (qsizetype i = 0; i < cells.size(); ++i) {
            // Numbers right-aligned, text left-aligned.
            const bool numeric = i >= 1 && i <= 3;
            s += QLatin1Char(' ')
                + (numeric ? cells[i].rightJustified(widths[i]) : cells[i].leftJustified(widths[i]))
                + QStringLiteral(" |");
        }
        return s + QLatin1Char('\n');
    };
    QString out = line(header);
    QStringList rule;
    for (qsizetype w : widths)
        rule << QString(w, QLatin1Char('-'));
    out += line(rule);
    for (const QStringList &r : rows)
        out += line(r);
    QStringList notes;
    for (const Measurement &m : m_measurements) {
        if (!m.note().isEmpty())
            notes << QStringLiteral("  %1: %2").arg(m.name(), m.note());
    }
    for (const QString &i : m_info)
        notes << QStringLiteral("  ") + i;
    if (!notes.isEmpty())
        out += QStringLiteral("\n") + notes.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return out;
}

QByteArray BenchReport::json() const
{
    QJsonArray list;
    for (const Measurement &m : m_measurements) {
        list.append(QJsonObject{{QStringLiteral("name"), m.name()},
                                {QStringLiteral("median"), m.median()},
                                {QStringLiteral("min"), m.min()},
                                {QStringLiteral("max"), m.max()},
                                {QStringLiteral("unit"), m.unit()},
                                {QStringLiteral("target"), m.target()},
                                {QStringLiteral("pass"), m.pass()}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

void BenchReport::writeJson(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json()) < 0)
        throw std::runtime_error(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
}
