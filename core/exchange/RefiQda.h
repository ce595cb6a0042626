#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

#include <QByteArray>

class ProjectSession;

// REFI-QDA, the QDA exchange standard: codebooks (.qdc, namespace
// urn:QDA-XML:codebook:1.0) and projects (.qdpx: a zip with project.qde,
// namespace urn:QDA-XML:project:1.0, and Sources/<GUID>.txt). GUIDs are our
// UUIDs. A category is a code that cannot be coded, holding its codes.
// Selection positions are code points of the UTF-8 source texts written.
// Reading refuses DTDs and external entities and caps zip entries and
// their expanded size.
class RefiQda
{
public:
    static QByteArray codebook(const ProjectSession &session);
    static QByteArray projectXml(const ProjectSession &session, const ExchangeOptions &options,
                                 ExchangeReport &report);
    // The .qdpx zip at path.
    static ExchangeReport exportProject(const ProjectSession &session, const QString &path,
                                        const ExchangeOptions &options = {});
    // Codes by GUID, then by name; one unit of work.
    static ExchangeReport importCodebook(ProjectSession &session, const QString &path,
                                         const ExchangeOptions &options = {});
    static ExchangeReport importProject(ProjectSession &session, const QString &path,
                                        const ExchangeOptions &options = {});

    static constexpr int maxEntries = 20000;
    static constexpr qint64 maxExpandedBytes = qint64(2) << 30;
};
