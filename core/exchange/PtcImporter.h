#pragma once

#include "ExchangeOptions.h"
#include "ExchangeReport.h"

class ProjectSession;

// Reads the SemEval-2020 Task 11 propaganda corpus (PTC): article<ID>.txt
// files and labels files with lines ID<TAB>TECHNIQUE<TAB>START<TAB>END
// (technique classification) or ID<TAB>START<TAB>END (span
// identification). Offsets there count code points of the file as decoded,
// a BOM and both characters of a CRLF included; the store keeps the text
// without them, and an offset map per article gives the originals back.
// Techniques become codes of the starter codebook "propaganda-techniques".
// One unit of work: on any error nothing is kept; importing the same files
// again adds nothing.
class PtcImporter
{
public:
    // paths: folders (searched recursively), article files, labels files.
    static ExchangeReport run(ProjectSession &session, const QStringList &paths,
                              const ExchangeOptions &options = {});
    // True if the path looks like PTC (a folder holding article<ID>.txt, or a
    // .labels file).
    static bool recognises(const QString &path);
};
