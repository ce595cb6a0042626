#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

class ProjectSession;

// Writes the project as a SemEval-2020 Task 11 (PTC) corpus: the folder
// gets article<ID>.txt per article (the original file again when it came
// from PTC: BOM and CRLF put back), task2-TC.labels with
// ID<TAB>TECHNIQUE<TAB>START<TAB>END per technique span and task1-SI.labels
// with the spans merged where they overlap. Offsets are code points of the
// written files, so an imported corpus comes back with its offsets exactly.
// Annotations with codes of technique categories are exported.
class PtcExporter
{
public:
    static ExchangeReport run(const ProjectSession &session, const QString &folder,
                              const ExchangeOptions &options = {});
};
