#pragma once

#include "Measurement.h"

#include <QList>
#include <QStringList>

// The results of a run: a plain-text table for people, JSON for machines
// (a list of {"name", "median", "min", "max", "unit", "target", "pass"}).
class BenchReport
{
public:
    void add(const Measurement &m) { m_measurements << m; }
    void addInfo(const QString &line) { m_info << line; }
    const QList<Measurement> &measurements() const { return m_measurements; }
    int failures() const;

    QString table() const;
    QByteArray json() const;
    // Throws std::runtime_error if the file cannot be written.
    void writeJson(const QString &path) const;

private:
    QList<Measurement> m_measurements;
    QStringList m_info;
};
